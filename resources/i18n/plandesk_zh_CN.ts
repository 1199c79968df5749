<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Open workspace &amp;read-only…</source>
        <translation>以只读方式打开工作区(&amp;R)…</translation>
    </message>
    <message>
        <source>Open the &amp;demo workspace</source>
        <translation>打开演示工作区(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Close workspace</source>
        <translation>关闭工作区(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import plan…</source>
        <translation>导入计划(&amp;I)…</translation>
    </message>
    <message>
        <source>Notice (.docx)…</source>
        <translation>印发通知（.docx）…</translation>
    </message>
    <message>
        <source>Division table (.docx)…</source>
        <translation>任务分工表（.docx）…</translation>
    </message>
    <message>
        <source>Division table (.xlsx)…</source>
        <translation>任务分工表（.xlsx）…</translation>
    </message>
    <message>
        <source>Notice as PDF…</source>
        <translation>印发通知（PDF）…</translation>
    </message>
    <message>
        <source>&amp;Print responsibility matrix…</source>
        <translation>打印责任分工表(&amp;P)…</translation>
    </message>
    <message>
        <source>Print pre&amp;view of the notice…</source>
        <translation>印发通知打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Task lists by department…</source>
        <translation>各部门任务清单…</translation>
    </message>
    <message>
        <source>Progress report (.docx)…</source>
        <translation>进度报告（.docx）…</translation>
    </message>
    <message>
        <source>Progress report (.xlsx)…</source>
        <translation>进度报告（.xlsx）…</translation>
    </message>
    <message>
        <source>Follow-up notices…</source>
        <translation>督办通知…</translation>
    </message>
    <message>
        <source>Lay the notice out as a PDF and show it</source>
        <translation>用 LibreOffice 把印发通知排成 PDF 并打开查看</translation>
    </message>
    <message>
        <source>The progress report of the round shown, as a Word document</source>
        <translation>当前显示轮次的推进情况报告（Word 文档）</translation>
    </message>
    <message>
        <source>Every task of the round shown with its light, as a workbook</source>
        <translation>当前显示轮次全部任务的进度及状态（Excel 工作簿）</translation>
    </message>
    <message>
        <source>A follow-up notice to each department leading late tasks</source>
        <translation>向牵头任务滞后的各单位分别发督办通知</translation>
    </message>
    <message>
        <source>E&amp;xport reporting workbook…</source>
        <translation>导出填报工作簿(&amp;X)…</translation>
    </message>
    <message>
        <source>Import &amp;returned workbooks…</source>
        <translation>导入报回的工作簿(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Consolidate returns…</source>
        <translation>汇总报回的工作簿(&amp;C)…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新载入(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find tasks</source>
        <translation>查找任务(&amp;F)</translation>
    </message>
    <message>
        <source>New task &amp;after</source>
        <translation>在后面新建任务(&amp;A)</translation>
    </message>
    <message>
        <source>New &amp;subtask</source>
        <translation>新建下级任务(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Demote (indent)</source>
        <translation>降级(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Promote (outdent)</source>
        <translation>升级(&amp;P)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Edit title</source>
        <translation>编辑标题(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy tasks</source>
        <translation>复制任务(&amp;C)</translation>
    </message>
    <message>
        <source>Cu&amp;t tasks</source>
        <translation>剪切任务(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Paste tasks</source>
        <translation>粘贴任务(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate tasks</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>De&amp;lete task…</source>
        <translation>删除任务(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>新建计划(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename plan</source>
        <translation>重命名计划(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete plan…</source>
        <translation>删除计划(&amp;D)…</translation>
    </message>
    <message>
        <source>Notice &amp;details…</source>
        <translation>发文信息(&amp;D)…</translation>
    </message>
    <message>
        <source>Edit &amp;preamble…</source>
        <translation>编辑前言(&amp;P)…</translation>
    </message>
    <message>
        <source>Number level 3 &amp;continuously</source>
        <translation>第三级编号全文连续(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>全部展开(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>全部折叠(&amp;C)</translation>
    </message>
    <message>
        <source>PlanDesk &amp;manual</source>
        <translation>使用说明(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About PlanDesk</source>
        <translation>关于规划台账(&amp;A)</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>尚未提供</translation>
    </message>
    <message>
        <source>Needs LibreOffice, which was not found on this computer</source>
        <translation>需要 LibreOffice，本机未找到</translation>
    </message>
    <message>
        <source>&amp;Undo {label}</source>
        <translation>撤销 {label}</translation>
    </message>
    <message>
        <source>&amp;Redo {label}</source>
        <translation>重做 {label}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Reporting &amp;workbooks</source>
        <translation>报送工作簿(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>PlanDesk</source>
        <translation>规划台账</translation>
    </message>
</context>
<context>
    <name>BreakdownView</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Delete “{title}” and its {n} subtasks?</source>
        <translation>删除“{title}”及其 {n} 项下级任务？</translation>
    </message>
    <message>
        <source>Delete “{title}”?</source>
        <translation>删除“{title}”？</translation>
    </message>
    <message>
        <source>Delete the {n} selected tasks ({total} with their subtasks)?</source>
        <translation>删除选中的 {n} 项任务（连同下级共 {total} 项）？</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete tasks</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>{n} tasks copied.</source>
        <translation>已复制{n}项任务。</translation>
    </message>
    <message>
        <source>The clipboard holds no tasks to paste.</source>
        <translation>剪贴板中没有可粘贴的任务。</translation>
    </message>
</context>
<context>
    <name>CheckReport</name>
    <message numerus="yes">
        <source>%n file(s) written to {folder}</source>
        <translation>
            <numerusform>已在 {folder} 写出 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已写出：{path}</translation>
    </message>
    <message numerus="yes">
        <source>Before printing, check %n point(s) — see the details.</source>
        <translation>
            <numerusform>打印前请核对 %n 处，详见“详细信息”。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file was written.</source>
        <translation>文件已生成。</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>No reporting round yet, so nothing has been reported and no task can be judged.
Create a round with “New round…” above to send workbooks and collect progress.</source>
        <translation>尚未建立报送轮次，各单位还没有报送进展，无法判断任务进度。
请点击上方“新建轮次…”建立轮次，再下发进展表、收集进展。</translation>
    </message>
    <message>
        <source>Show all late and at-risk tasks</source>
        <translation>显示全部滞后和有风险的任务</translation>
    </message>
    <message>
        <source>No plan selected.</source>
        <translation>未选择计划。</translation>
    </message>
    <message>
        <source>{total} tasks. No reporting round yet: create one to collect reports.</source>
        <translation>共{total}项任务。尚未建立报送轮次：请新建轮次以收集进展。</translation>
    </message>
    <message>
        <source>As of {date}: {total} tasks — {late} late ({overdue} overdue), {risk} at risk, {ok} on track ({done} done).</source>
        <translation>截至 {date}：共 {total} 项任务——滞后 {late} 项（逾期 {overdue} 项），有风险 {risk} 项，正常 {ok} 项（已完成 {done} 项）。</translation>
    </message>
    <message>
        <source>{n} without a report this round.</source>
        <translation>本轮有 {n} 项未报送。</translation>
    </message>
    <message>
        <source>No reporting round yet: create one to collect reports.</source>
        <translation>还没有报送轮次：新建一个轮次以收集进展。</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <source>{n} tasks</source>
        <translation>{n} 项任务</translation>
    </message>
    <message>
        <source>{label}  {n} ({pct}%)</source>
        <translation>{label}  {n}（{pct}%）</translation>
    </message>
    <message>
        <source>By lead department</source>
        <translation>按牵头单位</translation>
    </message>
    <message>
        <source>(no lead department)</source>
        <translation>（未明确牵头单位）</translation>
    </message>
    <message>
        <source>{n} more departments ({tasks} tasks) not shown</source>
        <translation>另有 {n} 个部门（{tasks} 项任务）未显示</translation>
    </message>
    <message>
        <source>Tasks by month due</source>
        <translation>按完成月份</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>{m}</source>
        <translation>{m}月</translation>
    </message>
    <message>
        <source>{y}-{m}</source>
        <translation>{y}年{m}月</translation>
    </message>
    <message>
        <source>Targets: reported value / target</source>
        <translation>指标：报送值 / 目标值</translation>
    </message>
    <message>
        <source>Targets (no values reported yet)</source>
        <translation>指标（尚未报送数值）</translation>
    </message>
    <message>
        <source>% of target</source>
        <translation>完成目标的百分比</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Late and at-risk tasks: {n}</source>
        <translation>滞后和有风险的任务：{n} 项</translation>
    </message>
    <message>
        <source>Tasks in the chosen group: {n}</source>
        <translation>所选分组的任务：{n} 项</translation>
    </message>
</context>
<context>
    <name>DepartmentEdit</name>
    <message>
        <source>Department name or alias…</source>
        <translation>部门名称或简称…</translation>
    </message>
</context>
<context>
    <name>DepartmentsModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>Added by an import or by hand: check the name, merge it into an existing department if it is one, then mark it reviewed.</source>
        <translation>由导入或手工新增：请核对名称；若与已有部门相同，请合并；然后标记为已核对。</translation>
    </message>
</context>
<context>
    <name>DepartmentsView</name>
    <message>
        <source>Find a department or alias</source>
        <translation>查找部门或别名</translation>
    </message>
    <message>
        <source>Only those to review</source>
        <translation>只看待核对的</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>拆分…</translation>
    </message>
    <message>
        <source>Split a name that lists several departments into those departments</source>
        <translation>把粘连在一起的几个单位名称拆成各自的单位</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>标记为已核对</translation>
    </message>
    <message>
        <source>Unit / collective</source>
        <translation>单位 / 集体</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Select a department to see where it is used.</source>
        <translation>选择一个部门，查看它承担的任务。</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>“{name}” has a role in {n} tasks.</source>
        <translation>“{name}”承担 {n} 项任务。</translation>
    </message>
    <message>
        <source>Also written as: {aliases}</source>
        <translation>也写作：{aliases}</translation>
    </message>
    <message>
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Merge departments</source>
        <translation>合并部门</translation>
    </message>
    <message>
        <source>Keep which name? The others become its aliases and their tasks move to it.</source>
        <translation>保留哪个名称？其余名称成为它的别名，其任务转给它。</translation>
    </message>
    <message>
        <source>Merge “{name}” into which department? Its tasks move there and its name becomes an alias.</source>
        <translation>把“{name}”合并到哪个部门？它的任务转过去，名称成为别名。</translation>
    </message>
    <message>
        <source>“{keep}” is already a department. Merge “{drop}” into it? Its tasks move there and “{drop}” becomes an alias.</source>
        <translation>“{keep}”已是一个单位。是否把“{drop}”合并到它？“{drop}”的任务随之转过去，其名称作为别名保留。</translation>
    </message>
    <message>
        <source>Delete {names}?</source>
        <translation>删除 {names}？</translation>
    </message>
    <message>
        <source>Their {n} roles on tasks are deleted too. To keep them, merge instead.</source>
        <translation>其在任务上的 {n} 项职责也将删除。如需保留，请改用合并。</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete departments</source>
        <translation>删除部门</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Workspace in use</source>
        <translation>工作区正在使用中</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Type to find…</source>
        <translation>输入以查找…</translation>
    </message>
</context>
<context>
    <name>DueDateDialog</name>
    <message>
        <source>Due date of the returns</source>
        <translation>报送截止日期</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>不设截止日期</translation>
    </message>
    <message>
        <source>Departments must return their workbooks by:</source>
        <translation>各单位须在此日期前报送进展表：</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Recent workspaces</source>
        <translation>最近使用的工作区</translation>
    </message>
</context>
<context>
    <name>ExchangeJobs</name>
    <message>
        <source>Export a reporting workbook</source>
        <translation>导出填报工作簿</translation>
    </message>
    <message>
        <source>Written {path}: {rows} rows, {editable} to fill in</source>
        <translation>已写出 {path}：{rows} 行，其中 {editable} 项需填报</translation>
    </message>
    <message>
        <source>Folder for the departments&apos; workbooks</source>
        <translation>保存各部门工作簿的文件夹</translation>
    </message>
    <message numerus="yes">
        <source>Written %n workbook(s) to {folder}</source>
        <translation>
            <numerusform>已导出 %n 份工作簿到 {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>Import returned workbooks</source>
        <translation>导入报回的工作簿</translation>
    </message>
    <message>
        <source>Checking returned workbooks</source>
        <translation>正在核对报回的工作簿</translation>
    </message>
    <message>
        <source>{file}: progress of {n} tasks imported</source>
        <translation>{file}：已导入 {n} 项任务的进展</translation>
    </message>
    <message>
        <source>Consolidate</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>This plan has no reporting round yet: export the workbooks of a round first.</source>
        <translation>本计划还没有报送轮次：请先导出一轮的填报工作簿。</translation>
    </message>
    <message>
        <source>Reporting round:</source>
        <translation>报送轮次：</translation>
    </message>
    <message>
        <source>Returned workbooks</source>
        <translation>报回的工作簿</translation>
    </message>
    <message>
        <source>Save the consolidated workbook</source>
        <translation>保存汇总表</translation>
    </message>
    <message>
        <source>Consolidating…</source>
        <translation>正在汇总…</translation>
    </message>
    <message>
        <source>Not returned yet: {names}</source>
        <translation>尚未报送：{names}</translation>
    </message>
    <message>
        <source>Written {path}</source>
        <translation>已写出 {path}</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ExchangesModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>received</source>
        <translation>收回</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), %1 to fill in</source>
        <translation>
            <numerusform>共 %n 行，其中 %1 行待填报</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) updated</source>
        <translation>
            <numerusform>更新 %n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>冲突 %n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) kept</source>
        <translation>
            <numerusform>保留本地 %n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>refused: %n error(s)</source>
        <translation>
            <numerusform>未导入：%n 处错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) left to check</source>
        <translation>
            <numerusform>%n 处待核实</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>提示 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangesView</name>
    <message>
        <source>No workbooks exchanged for this plan yet.
Workbooks sent to departments and their returns are listed here.</source>
        <translation>本计划还没有往来的工作簿。
发给各部门的填报工作簿和报回的工作簿都会列在这里。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a reporting workbook</source>
        <translation>导出填报工作簿</translation>
    </message>
    <message>
        <source>All tasks (one workbook)</source>
        <translation>全部任务（一个工作簿）</translation>
    </message>
    <message>
        <source>Every department, one workbook each (a folder)</source>
        <translation>每个部门各一份（导出到文件夹）</translation>
    </message>
    <message>
        <source>Reporting round</source>
        <translation>报送轮次</translation>
    </message>
    <message>
        <source>For</source>
        <translation>填报单位</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>{suffix} 文件</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>FileJobs</name>
    <message>
        <source>Import plans</source>
        <translation>导入计划</translation>
    </message>
    <message>
        <source>Plan documents ({patterns})</source>
        <translation>计划文件 ({patterns})</translation>
    </message>
    <message>
        <source>These files cannot be imported: {files}
Plans are read from: {suffixes}</source>
        <translation>这些文件无法导入：{files}
可导入的文件类型：{suffixes}</translation>
    </message>
    <message>
        <source>(nothing yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Importing plans</source>
        <translation>正在导入计划</translation>
    </message>
    <message>
        <source>{file}: “{title}”, {n} tasks</source>
        <translation>{file}：“{title}”，{n} 项任务</translation>
    </message>
    <message>
        <source>  New departments (please review): {names}</source>
        <translation>  新增部门（请核对）：{names}</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>印发通知</translation>
    </message>
    <message>
        <source>Export notice</source>
        <translation>导出印发通知</translation>
    </message>
    <message>
        <source>division table</source>
        <translation>任务分工表</translation>
    </message>
    <message>
        <source>Export division table</source>
        <translation>导出任务分工表</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>No program to show PDF files was found. The preview is here: {path}</source>
        <translation>未找到可以打开 PDF 文件的程序。预览文件在：{path}</translation>
    </message>
    <message>
        <source>Preview: {path}</source>
        <translation>预览：{path}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search tasks, text, departments (Ctrl+F)</source>
        <translation>搜索任务、正文、部门（Ctrl+F）</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>全部职责</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未填报</translation>
    </message>
    <message>
        <source>Deadline passed</source>
        <translation>已过期限</translation>
    </message>
    <message>
        <source>Any department</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total} 项</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>Follow-up notices</source>
        <translation>督办通知</translation>
    </message>
    <message>
        <source>the current round</source>
        <translation>当前报送轮次</translation>
    </message>
    <message>
        <source>Departments leading late tasks in {round}, most late first. Each one checked gets a follow-up notice listing its late tasks.</source>
        <translation>{round}牵头任务滞后的单位（滞后任务多的在前）。为勾选的每个单位生成一份督办通知，列出其滞后任务。</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Check none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>&lt;department&gt;</source>
        <translation>&lt;单位&gt;</translation>
    </message>
    <message>
        <source>Files: {pattern} in this folder</source>
        <translation>文件名：{pattern}，保存在此文件夹</translation>
    </message>
    <message>
        <source>Write notices</source>
        <translation>生成督办通知</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Folder for the notices</source>
        <translation>督办通知保存的文件夹</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>PlanDesk manual</source>
        <translation>规划台账使用说明</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>About PlanDesk</source>
        <translation>关于规划台账</translation>
    </message>
    <message>
        <source>&lt;b&gt;PlanDesk&lt;/b&gt; version {version}</source>
        <translation>&lt;b&gt;规划台账&lt;/b&gt; 版本 {version}</translation>
    </message>
    <message>
        <source>Plans, task breakdown, responsibilities and progress reports for planning offices. Works offline; every edit is saved at once and can be undone.</source>
        <translation>面向发展改革（规划）部门的计划台账：任务分解、责任分工、进度报送与公文印发。无需联网，每次修改立即保存，均可撤销。</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Line {line}: {text}</source>
        <translation>第 {line} 行：{text}</translation>
    </message>
    <message>
        <source>Import preview — {file}</source>
        <translation>导入预览 — {file}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Responsible / guide</source>
        <translation>负责 / 指导</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>names separated by 、</source>
        <translation>多个单位用“、”分隔</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>拆分…</translation>
    </message>
    <message>
        <source>Number level 3 continuously across sections</source>
        <translation>第三级编号在各部分之间连续</translation>
    </message>
    <message>
        <source>The document numbers its “1.” items on across sections: kept as in the document. Change it later under Plan › Number level 3 continuously.</source>
        <translation>原文的“1.”级编号在各部分之间连续编排，已按原文保留。以后可在“计划 › 第三级编号全文连续”中更改。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Departments named (a star: new to the registry)</source>
        <translation>涉及的单位（带 * 的为单位库中没有的）</translation>
    </message>
    <message>
        <source>Plan title</source>
        <translation>计划标题</translation>
    </message>
    <message>
        <source>What the importer could not read for sure (double-click: show the line)</source>
        <translation>未能确定识别的内容（双击可定位到原文）</translation>
    </message>
    <message>
        <source>{name}{star}  ({n} tasks)</source>
        <translation>{name}{star}（{n} 项任务）</translation>
    </message>
    <message>
        <source>{n} of {total} tasks will be imported; {deps} departments are named. Untick what is not a task.</source>
        <translation>将导入 {total} 项中的 {n} 项任务，涉及 {deps} 个单位。不是任务的行请取消勾选。</translation>
    </message>
    <message>
        <source>Rename department</source>
        <translation>单位改名</translation>
    </message>
    <message>
        <source>Correct name of “{name}”:</source>
        <translation>“{name}”的正确名称：</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>配合</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指导</translation>
    </message>
    <message>
        <source>L</source>
        <comment>matrix cell: lead</comment>
        <translation>牵</translation>
    </message>
    <message>
        <source>S</source>
        <comment>matrix cell: support</comment>
        <translation>配</translation>
    </message>
    <message>
        <source>R</source>
        <comment>matrix cell: responsible</comment>
        <translation>负</translation>
    </message>
    <message>
        <source>G</source>
        <comment>matrix cell: guide</comment>
        <translation>导</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>due by</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>recurring</source>
        <translation>定期</translation>
    </message>
    <message>
        <source>Work points</source>
        <translation>工作要点</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>行动方案</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>工作方案</translation>
    </message>
    <message>
        <source>Implementation plan</source>
        <translation>实施方案</translation>
    </message>
    <message>
        <source>Division table</source>
        <translation>重点任务分工表</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>集体</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Breakdown</source>
        <translation>任务分解</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>责任分工</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>PlanDesk</source>
        <translation>规划台账</translation>
    </message>
    <message>
        <source>Plans, tasks and who does what — kept in one workspace file.
Open a workspace, create one, or import a plan document to start.</source>
        <translation>计划、任务和责任分工，都保存在一个工作区文件里。
打开或新建一个工作区，或者导入一份计划文件，就可以开始。</translation>
    </message>
    <message>
        <source>This workspace has no plans yet</source>
        <translation>此工作区还没有计划</translation>
    </message>
    <message>
        <source>Import a plan document (.txt, .docx or a division table .xlsx), start an empty plan, or look at the demo first.</source>
        <translation>导入一份计划文件（.txt、.docx 或分工表 .xlsx），新建一个空计划，或者先看看演示工作区。</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>（内存中）</translation>
    </message>
    <message>
        <source>(demo: a temporary copy)</source>
        <translation>（演示：临时副本）</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Saved as you edit</source>
        <translation>编辑即保存</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Undone: {label}</source>
        <translation>已撤销：{label}</translation>
    </message>
    <message>
        <source>Redone: {label}</source>
        <translation>已重做：{label}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>no role</source>
        <translation>无职责</translation>
    </message>
    <message>
        <source>Tasks shown: {parts}</source>
        <translation>所示任务：{parts}</translation>
    </message>
    <message>
        <source>New department, not reviewed yet</source>
        <translation>新增部门，尚未核对</translation>
    </message>
    <message>
        <source>Total (lead or responsible / all)</source>
        <translation>合计（牵头或负责/全部）</translation>
    </message>
    <message>
        <source>No lead department</source>
        <translation>没有牵头单位</translation>
    </message>
</context>
<context>
    <name>MatrixPrint</name>
    <message>
        <source>Total (lead or responsible / all)</source>
        <translation>合计（牵头或负责/全部）</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation>第 {n} 页 / 共 {total} 页</translation>
    </message>
    <message>
        <source>Print responsibility matrix</source>
        <translation>打印责任分工表</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Only tasks without a lead</source>
        <translation>只看缺牵头单位的任务</translation>
    </message>
    <message>
        <source>Only departments of this plan</source>
        <translation>只显示本计划涉及的部门</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Del = clear</source>
        <translation>Del = 清除</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <source>New reporting round</source>
        <translation>新建报送轮次</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Returns due</source>
        <translation>报送截止日期</translation>
    </message>
    <message>
        <source>The round needs a name.</source>
        <translation>请填写轮次名称。</translation>
    </message>
    <message>
        <source>The round must end on or after its first day.</source>
        <translation>轮次的结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Not classified</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>秘密</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Top secret</source>
        <translation>绝密</translation>
    </message>
    <message>
        <source>term, as 1年 or 6个月 (optional)</source>
        <translation>保密期限，如 1年、6个月（可不填）</translation>
    </message>
    <message>
        <source>Not urgent</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>Extra urgent</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>份号</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级和保密期限</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Approved for issue by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Upward document (number on the left, approvers on the right)</source>
        <translation>上行文（发文字号居左、签发人居右）</translation>
    </message>
    <message>
        <source>Notice details</source>
        <translation>发文信息</translation>
    </message>
    <message>
        <source>Red header printed with the document</source>
        <translation>随文印制红头</translation>
    </message>
    <message>
        <source>Paper with a preprinted red header</source>
        <translation>使用预印红头的纸张</translation>
    </message>
    <message>
        <source>No red header</source>
        <translation>不用红头</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>版头</translation>
    </message>
    <message>
        <source>Issuer mark</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Addressees</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>发文机关署名</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>附注</translation>
    </message>
    <message>
        <source>Copies to</source>
        <translation>抄送机关</translation>
    </message>
    <message>
        <source>Printing office</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <source>Attachments (one per line)</source>
        <translation>附件（每行一个）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Printing date</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>加盖印章</translation>
    </message>
</context>
<context>
    <name>OpenFile</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>{n} pages — {file}</source>
        <translation>共 {n} 页 — {file}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open in the PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>PendingDialog</name>
    <message>
        <source>Not reported — {round}</source>
        <translation>未报送单位 — {round}</translation>
    </message>
    <message>
        <source>Due on {date}. {n} departments have not reported:</source>
        <translation>报送截止日期为{date}。以下{n}个单位尚未报送：</translation>
    </message>
    <message>
        <source>No due date set. {n} departments have not reported:</source>
        <translation>未设置报送截止日期。以下{n}个单位尚未报送：</translation>
    </message>
    <message>
        <source>Every department has reported in this round.</source>
        <translation>本轮各单位均已报送。</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Tasks led</source>
        <translation>牵头任务数</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Write reminder notice…</source>
        <translation>生成催报通知…</translation>
    </message>
    <message>
        <source>Write reminder notice</source>
        <translation>生成催报通知</translation>
    </message>
    <message>
        <source>The reminder notice was written.</source>
        <translation>催报通知已生成。</translation>
    </message>
</context>
<context>
    <name>PlanList</name>
    <message>
        <source>Plans</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>Title of the plan:</source>
        <translation>计划标题：</translation>
    </message>
    <message>
        <source>Delete the plan “{title}” with its {n} tasks?
You can undo this with Ctrl+Z.</source>
        <translation>删除计划“{title}”及其 {n} 项任务？
可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>删除计划</translation>
    </message>
</context>
<context>
    <name>PlanListModel</name>
    <message>
        <source>(untitled plan)</source>
        <translation>（未命名计划）</translation>
    </message>
    <message>
        <source>{n} tasks</source>
        <translation>{n} 项任务</translation>
    </message>
    <message>
        <source>Imported from {file}</source>
        <translation>导入自 {file}</translation>
    </message>
</context>
<context>
    <name>PreambleDialog</name>
    <message>
        <source>Preamble of the plan</source>
        <translation>计划前言</translation>
    </message>
    <message>
        <source>The text before the first task, printed at the start of the plan. One paragraph a line.</source>
        <translation>第一项任务之前的文字，印在计划正文开头。每行一段。</translation>
    </message>
    <message>
        <source>Edit the preamble</source>
        <translation>修改计划前言</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ProgressDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>The progress dashboard is not available yet.
Progress reported by departments is shown per task in the detail panel of the breakdown.</source>
        <translation>进度看板尚未提供。
各部门报送的进展可在“任务分解”的详情面板中逐项查看。</translation>
    </message>
    <message>
        <source>The progress dashboard could not be shown: {error}</source>
        <translation>无法显示进度看板：{error}</translation>
    </message>
    <message>
        <source>Select a plan to see its progress.</source>
        <translation>选择一个计划以查看进度。</translation>
    </message>
</context>
<context>
    <name>ReportJobs</name>
    <message>
        <source>Progress report (.docx)</source>
        <translation>进度报告（.docx）</translation>
    </message>
    <message>
        <source>Progress report (.xlsx)</source>
        <translation>进度报告（.xlsx）</translation>
    </message>
    <message>
        <source>Follow-up notices</source>
        <translation>督办通知</translation>
    </message>
    <message>
        <source>No department leads a late task in {round}: there is nobody to follow up.</source>
        <translation>{round}没有单位牵头的任务滞后，无需督办。</translation>
    </message>
    <message>
        <source>the current round</source>
        <translation>当前报送轮次</translation>
    </message>
    <message>
        <source>The folder does not exist: {folder}</source>
        <translation>文件夹不存在：{folder}</translation>
    </message>
    <message>
        <source>Replace the notices already in the folder?
{files}</source>
        <translation>文件夹中已有以下督办通知，是否替换？
{files}</translation>
    </message>
    <message>
        <source>Task lists by department</source>
        <translation>各部门任务清单</translation>
    </message>
    <message>
        <source>Write the task lists as:</source>
        <translation>任务清单的生成方式：</translation>
    </message>
    <message>
        <source>One document, each department from a new page</source>
        <translation>一个文件，每个单位另起一页</translation>
    </message>
    <message>
        <source>One document per department, into a folder</source>
        <translation>每个单位一个文件，保存到文件夹</translation>
    </message>
    <message>
        <source>Replace the task lists already in the folder?
{files}</source>
        <translation>文件夹中已有以下任务清单，是否替换？
{files}</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Returned workbook: {file}</source>
        <translation>报回的工作簿：{file}</translation>
    </message>
    <message>
        <source>Also overwrite the {n} conflicting entries (changed here after the workbook was sent)</source>
        <translation>同时覆盖 {n} 处冲突（发出后本工作区又修改过的内容）</translation>
    </message>
    <message>
        <source>Import the valid rows and leave the {n} cells with errors to check with the department</source>
        <translation>只导入无误的行，{n} 处有错误的单元格留待与报送单位核实</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The workbook has errors and cannot be imported; ask the department to correct the cells listed.</source>
        <translation>工作簿有错误，不能导入；请对方按所列单元格改正后重新报送。</translation>
    </message>
</context>
<context>
    <name>RoundBar</name>
    <message>
        <source>New round…</source>
        <translation>新建轮次…</translation>
    </message>
    <message>
        <source>Close round</source>
        <translation>关闭轮次</translation>
    </message>
    <message>
        <source>The date departments must return their workbooks by</source>
        <translation>各单位报送进展表的截止日期</translation>
    </message>
    <message>
        <source>Departments that have not reported, and a reminder notice to them</source>
        <translation>尚未报送的单位，以及给它们的催报通知</translation>
    </message>
    <message>
        <source>Reporting round:</source>
        <translation>报送轮次：</translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation>（已关闭）</translation>
    </message>
    <message>
        <source>Reopen round</source>
        <translation>重新打开轮次</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>截止 {date}</translation>
    </message>
    <message>
        <source>Set due date…</source>
        <translation>设置截止日期…</translation>
    </message>
    <message>
        <source>Not reported: {n}</source>
        <translation>未报送：{n}</translation>
    </message>
    <message>
        <source>New reporting round</source>
        <translation>新建报送轮次</translation>
    </message>
    <message>
        <source>Due date of the returns</source>
        <translation>报送截止日期</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split a department</source>
        <translation>拆分单位</translation>
    </message>
    <message>
        <source>“{name}” lists several departments. Write each one on a line; every task of “{name}” gets all of them in its role.</source>
        <translation>“{name}”包含几个单位。请每行写一个单位；“{name}”承担的每项任务都由这些单位按原职责承担。</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>e.g. 每万人口高价值发明专利拥有量</source>
        <translation>如：每万人口高价值发明专利拥有量</translation>
    </message>
    <message>
        <source>e.g. 达到, 不低于</source>
        <translation>如：达到、不低于</translation>
    </message>
    <message>
        <source>e.g. 件, %, 家</source>
        <translation>如：件、%、家</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>修饰语</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>TargetEditor</name>
    <message>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Add target…</source>
        <translation>添加指标…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TaskDetail</name>
    <message>
        <source>Select a task to see its details.</source>
        <translation>选择一项任务以查看详情。</translation>
    </message>
    <message>
        <source>Full text of the task</source>
        <translation>任务正文</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>e.g. 2025年底前, 6月底前, 长期坚持</source>
        <translation>如：2025年底前、6月底前、长期坚持</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>(as reported)</source>
        <translation>（按报送）</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>%</source>
        <translation>完成%</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>{n} tasks selected.</source>
        <translation>已选择 {n} 项任务。</translation>
    </message>
    <message>
        <source>no date recognised</source>
        <translation>未识别出日期</translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation>尚无报送</translation>
    </message>
    <message>
        <source>Reported: {status}{percent} ({who})</source>
        <translation>报送：{status}{percent}（{who}）</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>未填状态</translation>
    </message>
    <message>
        <source>“{name}” was added to the departments and marked for review.</source>
        <translation>“{name}”已加入部门库，并标记为待核对。</translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Lead or responsible</source>
        <translation>牵头/责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The deadline has passed</source>
        <translation>已过完成时限</translation>
    </message>
</context>
<context>
    <name>WorkspaceFiles</name>
    <message>
        <source>PlanDesk workspaces (*{ext})</source>
        <translation>规划台账工作区 (*{ext})</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Cannot create workspace</source>
        <translation>无法创建工作区</translation>
    </message>
    <message>
        <source>Cannot create the demo workspace</source>
        <translation>无法创建演示工作区</translation>
    </message>
</context>
</TS>
