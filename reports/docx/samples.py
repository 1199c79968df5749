"""Sample plans and notices: the bundled preview, tests and the benchmark use them.

HUAIYIN_PLAN is the 2022 work plan of Huaiyin district (Jinan) as published, in the dump
shape; SHANDONG_PLAN a part of the province's division table with lead/support roles
and measures; synthetic_plan() makes plans of any size.
"""
from __future__ import annotations

import copy

HUAIYIN_PLAN = {'uuid': 'sample-huaiyin-2022',
 'title': '槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）',
 'kind': 'work_plan',
 'issuer': '济南市槐荫区人民政府',
 'doc_number': '济槐政字〔2022〕16号',
 'preamble': '为全面贯彻落实《知识产权强国建设纲要（2021-2035年）》、《“十四五”国家知识产权保护和运用规划》、《山东省“十四五”知识产权保护和运用规划》、《济南市建设国家知识产权强市示范城市工作方案（2022—2025年）》，充分发挥知识产权支撑引领创新驱动发展和经济转型升级作用，加快知识产权强区建设，结合我区实际，制定本方案。',
 'tasks': [{'level': 1,
            'number': '一、',
            'title': '指导思想',
            'text': '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实习近平总书记关于知识产权工作的重要指示要求，遵循“走在前列、全面开创”、“三个走在前”总定位，聚焦黄河流域生态保护和高质量发展重大国家战略，以推动高质量发展为主题，以全面加强知识产权保护为主线，以建设知识产权强区为目标，以改革创新为动力，全面提升知识产权创造、运用、保护、管理和服务水平，为担当“西兴”龙头、争做“中优”先锋，全力打造“齐鲁门户，医养之都”贡献更多知识产权力量。',
            'deadline': None,
            'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
            'targets': [],
            'children': []},
           {'level': 1,
            'number': '二、',
            'title': '工作目标',
            'text': '到2025年，知识产权治理能力和治理水平显著提高，知识产权综合实力全面提升，率先基本建成国内一流的知识产权强区，知识产权对全区经济社会高质量发展的支撑引领作用更加突出。',
            'deadline': None,
            'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
            'targets': [],
            'children': [{'level': 2,
                          'number': '（一）',
                          'title': '知识产权高质量供给机制更加健全。',
                          'text': '高价值知识产权培育体系不断完善，创新主体高价值专利培育意识和能力进一步提升，建立我区首个高价值专利培育指导中心，每万人口高价值发明专利拥有量达到14件，有效注册商标量突破8万件。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（二）',
                          'title': '知识产权高效益运用体系更加完善。',
                          'text': '创新主体知识产权运营能力进一步提升，培育建设1家以地理标志产品为主的综合性知识产权运营服务机构，实施槐荫区专利导航项目，逐年提升我区企业知识产权质押融资数量和质量，融资金额累计达到2亿元。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（三）',
                          'title': '知识产权全链条保护环境更加优化。',
                          'text': '知识产权人民调解机构进一步完善，知识产权保护能力不断提升，知识产权办案数量居全市前列，知识产权激励创新保障作用充分发挥，知识产权保护满意率达90%以上。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（四）',
                          'title': '知识产权高品质服务体系更加优良。',
                          'text': '知识产权公共服务体系进一步完善，服务渠道逐步拓宽，服务能力显著增强。知识产权服务业有序发展，知识产权服务机构达50家，专业化水平明显提升。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []}]},
           {'level': 1,
            'number': '三、',
            'title': '重点任务',
            'text': '',
            'deadline': None,
            'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
            'targets': [],
            'children': [{'level': 2,
                          'number': '（一）',
                          'title': '建设中国地理标志产业大厦。',
                          'text': '以中国地理标志产业大厦建设为契机，围绕地理标志工作拓展专利、商标、版权等知识产权服务机构融合力度，建成地标产业发展、知识产权综合服务基地。以中国地理标志产业大厦为载体，促进地理标志产品与文旅、教育、科研、金融、展销相结合，与第一、二、三产业相融合，建成国家级地理标志产业集聚发展新高地，吸引全国知识产权资源汇聚槐荫，提升全区知识产权综合服务水平，提高企业知识产权转移转化运用能力。',
                          'deadline': None,
                          'roles': {'lead': [],
                                    'support': [],
                                    'responsible': ['区市场监管局', '区工业和信息化局', '区财政局', '区农业农村局', '区商务局'],
                                    'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（二）',
                          'title': '推动知识产权品牌建设。',
                          'text': '实施知识产权品牌战略，支持企业注重品牌资产的管理，鼓励企业运用专利、商标进行投资入股、质押融资、许可使用、转让等提升商品品牌价值。鼓励支持市场主体加快商品品牌化进程，创建国内外知名品牌。利用“中国品牌日”等活动，宣传推介济南品牌，参与国家、省品牌价值评价活动，打造国际国内知名“品牌”集群。加强品牌指导站建设，建立重点联系机制，面向企业、产业和基层提供全方位服务。鼓励外向型企业运用国际专利、商标注册开拓海外市场，提升企业品牌建设能力。',
                          'deadline': None,
                          'roles': {'lead': [],
                                    'support': [],
                                    'responsible': ['区市场监管局', '区科技局', '区财政局', '区商务局'],
                                    'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（三）',
                          'title': '实施知识产权强企培育。',
                          'text': '积极开展企业知识产权贯标工作，加大全区知识产权优势企业、示范企业培育力度，培育一批知识产权管理、运用能力强、具有自主知识产权和核心竞争力的国家级知识产权优势示范企业。实施槐荫区专利导航项目，培育一批运用专利导航创新发展的中小微科创型企业。充分发挥知识产权无形资产作用，支持企业知识产权质押融资，为企业发展解决资金困难，进一步提升企业知识产权创造、保护、运用能力。',
                          'deadline': None,
                          'roles': {'lead': [],
                                    'support': [],
                                    'responsible': ['区市场监管局',
                                                    '区科技局',
                                                    '区工业和信息化局',
                                                    '区财政局',
                                                    '区商务局',
                                                    '区金融事业发展中心'],
                                    'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（四）',
                          'title': '深入实施入园惠企活动。',
                          'text': '常态化组织开展知识产权质押融资入园惠企活动，搭建银企对接互信桥梁，为企业精准定制金融服务，为银行精准匹配需求企业。持续推进知识产权保险，拓展知识产权保险范围，提升全区知识产权运营效能。',
                          'deadline': None,
                          'roles': {'lead': [],
                                    'support': [],
                                    'responsible': ['区市场监管局', '槐荫经济开发区管委会', '区金融事业发展中心'],
                                    'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（五）',
                          'title': '建设知识产权综合服务体系。',
                          'text': '开展全区知识产权托管服务工作，培育优质知识产权服务机构，为中小微企业提供一揽子“管家式”专业知识产权服务。进一步提升知识产权服务能力，提高服务机构总体水平，打造高水平知识产权地标产业综合服务中心，实现地理标志业务“一站式”服务。',
                          'deadline': None,
                          'roles': {'lead': [],
                                    'support': [],
                                    'responsible': ['区市场监管局'],
                                    'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（六）',
                          'title': '实施知识产权严保护工程。',
                          'text': '加强知识产权审判工作，依法适用惩罚性赔偿，加大侵权损害赔偿力度。严厉打击知识产权刑事犯罪，持续保持高压严打态势。开展知识产权行政执法专项行动，严厉打击非正常专利申请和商标恶意抢注行为，加大商标囤积治理。严格地理标志、特殊标志、官方标志、奥林匹克标志、植物新品种保护。',
                          'deadline': None,
                          'roles': {'lead': [],
                                    'support': [],
                                    'responsible': ['区市场监管局',
                                                    '区法院',
                                                    '区检察院',
                                                    '区公安分局',
                                                    '区农业农村局',
                                                    '区文化和旅游局'],
                                    'guide': []},
                          'targets': [],
                          'children': []}]},
           {'level': 1,
            'number': '四、',
            'title': '保障措施',
            'text': '',
            'deadline': None,
            'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
            'targets': [],
            'children': [{'level': 2,
                          'number': '（一）',
                          'title': '完善知识产权管理体系。',
                          'text': '全面加强党对知识产权工作的领导，将知识产权工作纳入区委、区政府重要议事日程。区知识产权工作领导小组要切实发挥作用，加大对全区知识产权工作统筹推进力度，加强部门协同、上下协作，形成工作合力。建立健全激励政策，注重政策间有效衔接、协调配套，推动全区知识产权工作深入开展。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（二）',
                          'title': '完善知识产权投入支撑体系。',
                          'text': '加大区财政知识产权经费投入，建立健全与知识产权事业同步协调发展的财政投入保障机制。积极争取上级资金支持，广泛吸引社会资金，逐步形成政府引导、企业主导、社会参与的多元化知识产权资金投入体系。加强资金使用监管，严格预算执行，实施绩效管理，提高资金使用效益。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（三）',
                          'title': '完善知识产权考核评估体系。',
                          'text': '将知识产权纳入全区高质量发展综合绩效考核，督促各街道办事处落实知识产权保护属地责任。各街道办事处、区政府各部门要结合本辖区、本部门实际，制定具体推进措施，建立工作责任制，分解任务，明确职责，狠抓落实。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（四）',
                          'title': '加强知识产权人才队伍建设。',
                          'text': '配齐知识产权管理人员，注重能力培养提升，有针对性开展系统化、精准化培训，有重点、有层次培养企业管理人员和企业知识产权工作人员。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（五）',
                          'title': '健全区域知识产权保护体系。',
                          'text': '加强知识产权行政执法能力建设，加大对专利、商标、版权行政执法人员培训力度，提高行政执法效率和水平。健全知识产权保护协作机制，加大区市场监管、公安、司法、文化旅游等相关部门行政执法协作力度，开展知识产权联合执法行动，建立健全我区知识产权保护协作机制。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []},
                         {'level': 2,
                          'number': '（六）',
                          'title': '全面加强知识产权宣传培训。',
                          'text': '充分利用各类媒体，广泛、深入开展知识产权宣传活动，重点做好“3·15”世界消费者权益日、“4·26”世界知识产权日、“12·4”法制宣传日等重要时段宣传工作，在全区大力营造尊重知识产权、保护知识产权、鼓励创新的浓厚社会氛围。',
                          'deadline': None,
                          'roles': {'lead': [], 'support': [], 'responsible': [], 'guide': []},
                          'targets': [],
                          'children': []}]}]}

HUAIYIN_NOTICE = {
    "issuer_mark": "济南市槐荫区人民政府文件",
    "letterhead": "printed",
    "doc_number": "济槐政字〔2022〕16号",
    "title": "济南市槐荫区人民政府关于印发槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）的通知",
    "addressees": "各街道办事处，区政府各部门：",
    "body": "现将《槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）》印发给你们，请认真组织实施。",
    "attachments": ["槐荫区建设国家知识产权强县示范区工作方案（2022—2025年）",
                    "槐荫区建设国家知识产权强县示范区重点任务分工表"],
    "signer": "济南市槐荫区人民政府",
    "date": "2022-11-22",
    "sealed": True,
    "note": "（此件公开发布）",
    "cc": "区委各部门，区人大常委会办公室，区政协办公室，区监委，区法院，区检察院，区人武部",
    "printer": "济南市槐荫区人民政府办公室",
    "print_date": "2022-11-22",
    "colophon_even_page": True,
}


def _task(level, number, title, text="", lead=(), support=(), responsible=(), deadline=None,
          children=()):
    return {
        "level": level, "number": number, "title": title, "text": text,
        "deadline": {"text": deadline, "date": None, "kind": "by"} if deadline else None,
        "roles": {"lead": list(lead), "support": list(support),
                  "responsible": list(responsible), "guide": []},
        "targets": [], "children": list(children),
    }


SHANDONG_PLAN = {
    "uuid": "sample-shandong-division", "kind": "division_table", "issuer": "山东省人民政府",
    "doc_number": "", "preamble": "",
    "title": "山东省知识产权强省建设实施方案",
    "tasks": [
        _task(1, "一、", "推进知识产权管理体制机制改革", children=[
            _task(2, "（一）", "开展知识产权管理体制机制改革试点。", children=[
                _task(3, "1.", "积极探索知识产权管理体制机制改革。", lead=["省编办"],
                      support=["省知识产权局", "省工商局", "省版权局"], deadline="2017年底前"),
                _task(3, "2.", "鼓励有条件的市、县（市、区）开展知识产权管理体制机制改革试点。",
                      lead=["省编办"], support=["省知识产权局"], deadline="长期坚持"),
                _task(3, "3.", "开展综合执法改革，建立部门联合执法合作机制。", lead=["省编办"],
                      support=["省知识产权局", "省工商局", "省版权局"], deadline="2018年6月底前"),
            ]),
            _task(2, "（二）", "建立知识产权综合评价体系。", children=[
                _task(3, "1.", "探索将知识产权产品纳入国民经济核算体系，将知识产权指标纳入国民经济和社会发展规划。",
                      lead=["省统计局"], support=["省发展改革委", "省科技厅", "省知识产权局"],
                      deadline="2018年底前"),
                _task(3, "2.", "面向国有企业探索建立经营业绩、知识产权和创新并重的考评模式。",
                      lead=["省国资委"], support=["省科技厅", "省知识产权局"]),
                _task(3, "3.", "加大科技奖励工作中知识产权评价的权重。",
                      responsible=["省科技厅", "省知识产权局"], deadline="每年"),
            ]),
        ]),
        _task(1, "二、", "建立严格的知识产权保护制度", children=[
            _task(2, "（一）", "加大知识产权保护联合行政执法力度。", children=[
                _task(3, "1.", "推动《山东省专利条例》《山东省著作权保护条例》修订工作。",
                      responsible=["省知识产权局", "省工商局", "省版权局"]),
                _task(3, "2.", "完善知识产权快速维权机制。", responsible=["省知识产权局"],
                      children=[
                          _task(4, "（1）", "在重点产业集聚区设立快速维权中心。",
                                lead=["省知识产权局"], support=["有关市政府"]),
                          _task(4, "（2）", "建立快速审查、快速确权、快速维权协调机制。",
                                lead=["省知识产权局"]),
                      ]),
            ]),
            _task(2, "（二）", "完善知识产权保护体系。", "加强知识产权行政执法与刑事司法有效衔接。",
                  lead=["省委政法委", "省检察院"], support=["省法院", "省公安厅"],
                  deadline="2025年底前"),
        ]),
    ],
}


def sample_plan() -> dict:
    return copy.deepcopy(HUAIYIN_PLAN)


def shandong_plan() -> dict:
    return copy.deepcopy(SHANDONG_PLAN)


def sample_notice() -> dict:
    return copy.deepcopy(HUAIYIN_NOTICE)


_CN = "一二三四五六七八九十"


def _cn_number(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else ""))


def synthetic_plan(n_tasks: int = 2000, *, sections: int = 10, per_group: int = 5) -> dict:
    """A plan of about n_tasks tasks: sections of （一） groups of numbered measures."""
    tasks, made, s = [], 0, 0
    groups_per_section = max(1, n_tasks // (sections * (per_group + 1)))
    while made < n_tasks:
        s += 1
        section = _task(1, _cn_number(s) + "、", f"第{s}方面重点工作")
        made += 1
        for g in range(1, groups_per_section + 1):
            if made >= n_tasks:
                break
            group = _task(2, f"（{_cn_number(g)}）", f"推进第{s}方面第{g}项重点任务。")
            made += 1
            for m in range(1, per_group + 1):
                if made >= n_tasks:
                    break
                group["children"].append(_task(
                    3, f"{m}.", f"落实第{m}项具体措施。",
                    "完善工作机制，细化责任分工，加强督促检查，确保各项措施落地见效，按时保质完成任务。",
                    lead=[f"区第{(s + m) % 17 + 1}局"], support=["区财政局", "各街道办事处"],
                    deadline=f"{2023 + m % 3}年底前"))
                made += 1
            section["children"].append(group)
        tasks.append(section)
    return {"uuid": f"synthetic-{n_tasks}", "title": "某区重点工作实施方案", "kind": "implementation_plan",
            "issuer": "某区人民政府", "doc_number": "", "preamble": "为推进重点工作，制定本方案。",
            "tasks": tasks}
