"""Traditional characters (繁體) folded to their simplified forms, one character for one.

Plans come in traditional characters too (a mainland plan republished in 繁體, a Hong Kong,
Macau or Taiwan action plan): 牽頭單位, 責任單位：, 完成時限, 一、總體要求. The importer reads
them by folding a copy of each line with ``fold`` and parsing that copy. One character
becomes one, so the folded copy has the length of the original and every offset found in
it holds in the original: what is stored is what the document says.

The table holds the characters of plan text: role words, labels, unit suffixes
(廳/局/委/辦/處/會/區/縣), the words of headings, deadlines and targets. It was made once from
the CUHK traditional/simplified character map, kept where the simplified side is a
character of the project's plan vocabulary and the traditional side is never written in
simplified text itself (著 stays: 显著). Several traditional forms may fold to one
simplified character (發 and 髮 to 发): the direction is traditional to simplified only.
"""

from __future__ import annotations

TRADITIONAL = (
    "萬與專業東兩嚴個豐臨為麗舉麼麽義樂習鄉書買亂瞭爭於虧雲亞產産畝親億僅從倉們價眾優"
    "夥會偉傳傷倫偽僞體餘側僑債傾償儲兒剋黨蘭關興茲養獸內冊寫軍農鼕衝決況凍準減幾鳳齣"
    "擊劃劉則剛創刪別彆製劑劇勸辦務動勵勞勢勛勳區醫韆華協單賣衛卻廠廳曆歷厲壓厭廈縣參"
    "雙發髮變敘疊衹隻檯臺颱號嘆歎閤後嚮嚇嗎噸聽啓啟員嗚鹹響迴團糰園睏圍國圖圓聖場壞塊"
    "堅壇罎壩塢壘墾墊壯聲處備復複頭誇夾奪奮奬獎奧妝婦娛嬰孫學寜寧寶實寵審憲宮傢寬賓對"
    "尋導壽將爾塵嘗嚐儘盡層屆屬屢歲豈崗島嶺嶽峽鞏幣帥師帳帶幫乾幹並廣莊慶庫應廟龐廢開"
    "異棄張彈強歸噹當錄徹徵徑憶誌憂懷態憐總戀懇噁惡惱懸憫驚懼慘懲慣憤願懾戲戰戶纔紮執"
    "擴掃揚擾摺撫拋搶護報擔擬擁擇掛擋擠揮損換據擲攬攙攝擺襬搖攤撐攆擷擻攢敵數齋鬥斷無"
    "舊時曠曇顯晉曬曉暈暫麯術硃機殺雜權條來楊傑鬆闆極構樞槍櫃標棧棟欄樹樣檔橋檢樓橫歡"
    "歐殘殯毀畢斃氣匯彙漢汙湯溝冇沒滬淚澤潔灑淺澆濁測濟瀏濃塗濤澇潤漲淵漬漸漁溫遊灣濕"
    "滾滯滿濾濫濱潛瀾滅燈靈災燦爐點煉爛燭煙熱煥愛牽犧狀猶獨獄獻環現瑣電畫暢療瘧瘡瘋癱"
    "皚盞鹽監蓋盜盤矯礦碼磚礎碩確礙禮禍離種積稱稅穩窮竊競筍筆築篩籌簽籤簡籃類粵糞糧係"
    "繫緊纍糾紅縴纖約級紀純綱納縱紛紙紡紐綫線練組細織終紹經結繞繪給絡絕統繼績緒續維綜"
    "綠緩編緣縮繳網羅罰罷職聯聰肅腸膚腎腫脹脅脈臟髒腦腳騰緻輿捨艦藝節蘆蒼囌蘇範繭薦榮"
    "蔭藥蓮獲穫蘿營藍慮虛蟲雖蝦銜補錶襲裝見觀規視覽覺觸譽計訂認討讓訓議訊記講許論設訪"
    "證評識訴診詞譯試詩誠話詢該詳語誤說請諸諾讀課誰調談謀諧謂謝謹譙譜負貢財責賢敗賬貨"
    "質販貪貧購貫貼貴貸貿費資賦賞賠賴賽讚贊贈趙趕趨躍踐蹤車軌轉輪軟轟輕載較輔輛輩輝輯"
    "輸轄辭辯邊遼達遷過邁運還這進遠違連遲適選遜遞鄧郵鄰鄭醞醬釋裏裡鑒針鍾鐘鋼錢鐵銀鋪"
    "鏈銷鎖鍋鋒錯鍵鍛鎮長門閉問閑閒間閘鬧鬨聞閥閣閱隊陽陰陣階際陸陳陝險隨隱隸難雛霧靜"
    "麵韓頁頂頃項順須鬚顧頓頒預領頸頻題顏顔額風飄飛飯飲飾館饋馳驅駛駐駕驗驟魚魯鮮鳥雞"
    "鷄鴨鴻鵬麥黃齊齡龍"
)
# the same characters as printed in Hong Kong, Macau and Taiwan, at other code points
# (爲 for 為, 衞 for 衛, 説 for 說), and traditional forms of plan words the map lacks
# (註冊, 採購, 審覈, the numerals 貳 叄): folded straight to the simplified form
VARIANTS = (
    "爲衞佈恆説眞敎峯滙兌敍銳悅脫淸靑吿値涼沖淨衆卽旣槪緖査羣癥喫祕隣鄕擧攷竝偸彥牀菸"
    "唸鈎週慾蹟跡託佔鬪羨吳鑑綁樑併採蒐覈註麪貳叄"
)
VARIANTS_SIMPLIFIED = (
    "为卫布恒说真教峰汇兑叙锐悦脱清青告值凉冲净众即既概绪查群症吃秘邻乡举考并偷彦床烟"
    "念钩周欲迹迹托占斗羡吴鉴绑梁并采搜核注面贰叁"
)
SIMPLIFIED = (
    "万与专业东两严个丰临为丽举么么义乐习乡书买乱了争于亏云亚产产亩亲亿仅从仓们价众优"
    "伙会伟传伤伦伪伪体余侧侨债倾偿储儿克党兰关兴兹养兽内册写军农冬冲决况冻准减几凤出"
    "击划刘则刚创删别别制剂剧劝办务动励劳势勋勋区医千华协单卖卫却厂厅历历厉压厌厦县参"
    "双发发变叙叠只只台台台号叹叹合后向吓吗吨听启启员呜咸响回团团园困围国图圆圣场坏块"
    "坚坛坛坝坞垒垦垫壮声处备复复头夸夹夺奋奖奖奥妆妇娱婴孙学宁宁宝实宠审宪宫家宽宾对"
    "寻导寿将尔尘尝尝尽尽层届属屡岁岂岗岛岭岳峡巩币帅师帐带帮干干并广庄庆库应庙庞废开"
    "异弃张弹强归当当录彻征径忆志忧怀态怜总恋恳恶恶恼悬悯惊惧惨惩惯愤愿慑戏战户才扎执"
    "扩扫扬扰折抚抛抢护报担拟拥择挂挡挤挥损换据掷揽搀摄摆摆摇摊撑撵撷擞攒敌数斋斗断无"
    "旧时旷昙显晋晒晓晕暂曲术朱机杀杂权条来杨杰松板极构枢枪柜标栈栋栏树样档桥检楼横欢"
    "欧残殡毁毕毙气汇汇汉污汤沟没没沪泪泽洁洒浅浇浊测济浏浓涂涛涝润涨渊渍渐渔温游湾湿"
    "滚滞满滤滥滨潜澜灭灯灵灾灿炉点炼烂烛烟热焕爱牵牺状犹独狱献环现琐电画畅疗疟疮疯瘫"
    "皑盏盐监盖盗盘矫矿码砖础硕确碍礼祸离种积称税稳穷窃竞笋笔筑筛筹签签简篮类粤粪粮系"
    "系紧累纠红纤纤约级纪纯纲纳纵纷纸纺纽线线练组细织终绍经结绕绘给络绝统继绩绪续维综"
    "绿缓编缘缩缴网罗罚罢职联聪肃肠肤肾肿胀胁脉脏脏脑脚腾致舆舍舰艺节芦苍苏苏范茧荐荣"
    "荫药莲获获萝营蓝虑虚虫虽虾衔补表袭装见观规视览觉触誉计订认讨让训议讯记讲许论设访"
    "证评识诉诊词译试诗诚话询该详语误说请诸诺读课谁调谈谋谐谓谢谨谯谱负贡财责贤败账货"
    "质贩贪贫购贯贴贵贷贸费资赋赏赔赖赛赞赞赠赵赶趋跃践踪车轨转轮软轰轻载较辅辆辈辉辑"
    "输辖辞辩边辽达迁过迈运还这进远违连迟适选逊递邓邮邻郑酝酱释里里鉴针钟钟钢钱铁银铺"
    "链销锁锅锋错键锻镇长门闭问闲闲间闸闹闹闻阀阁阅队阳阴阵阶际陆陈陕险随隐隶难雏雾静"
    "面韩页顶顷项顺须须顾顿颁预领颈频题颜颜额风飘飞饭饮饰馆馈驰驱驶驻驾验骤鱼鲁鲜鸟鸡"
    "鸡鸭鸿鹏麦黄齐龄龙"
)

_TABLE = str.maketrans(TRADITIONAL + VARIANTS, SIMPLIFIED + VARIANTS_SIMPLIFIED)
_KEYS = frozenset(TRADITIONAL + VARIANTS)


def fold(text: str) -> str:
    """``text`` with its traditional characters in simplified form; same length."""
    return text.translate(_TABLE)


def has_traditional(text: str) -> bool:
    """Whether folding would change ``text`` (most plans are simplified: nothing to do)."""
    return not _KEYS.isdisjoint(text)
