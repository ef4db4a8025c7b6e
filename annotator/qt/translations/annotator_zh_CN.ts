<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../about.py" line="+111"/>
        <source>Python {python} · Qt {qt} · PySide6 {pyside} · {system}</source>
        <translation>Python {python} · Qt {qt} · PySide6 {pyside} · {system}</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location line="+19"/>
        <source>About annotator</source>
        <translation>关于 annotator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Bundled components&lt;/b&gt; — choose one to read its licence:</source>
        <translation>&lt;b&gt;附带的组件&lt;/b&gt;——选择一项即可阅读其许可证：</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&lt;p&gt;Tag actors, mechanisms and threats in Chinese security-cooperation texts; review; export TEI and JSON.&lt;br&gt;在中文安全合作文本中标注行为体、机制与威胁。&lt;/p&gt;</source>
        <translation>&lt;p&gt;在中文安全合作文本中标注行为体、机制与威胁；审阅标注；导出 TEI 与 JSON。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;annotator is free software under the MIT licence. It is built with Qt and Qt for Python (PySide6), used under the GNU LGPL version 3: their notice below says where to get their source code. The TEI P5 schema is © the TEI Consortium (CC-BY / BSD-2).&lt;/p&gt;</source>
        <translation>&lt;p&gt;annotator 是自由软件，以 MIT 许可证发布。它基于 Qt 与 PySide6（Qt 的官方 Python 绑定）构建，二者按 GNU LGPL 第 3 版使用：下方它们的声明说明了从何处获取其源代码。TEI P5 模式版权归 TEI 联盟所有（CC-BY / BSD-2）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Homepage: {url}</source>
        <translation>主页：{url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source: {url}</source>
        <translation>源代码：{url}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../actions.py" line="+24"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;team project…</source>
        <translation>打开团队项目(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open re&amp;cent</source>
        <translation>最近的项目(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge annotators&apos; work…</source>
        <translation>合并其他标注者的成果(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../undo.py" line="+72"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../undo.py" line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete span</source>
        <translation>删除片段(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next span</source>
        <translation>下一个片段(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous span</source>
        <translation>上一个片段(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move span start left</source>
        <translation>片段起点左移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move span start right</source>
        <translation>片段起点右移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move span end left</source>
        <translation>片段终点左移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move span end right</source>
        <translation>片段终点右移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear selection</source>
        <translation>取消选择(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a re&amp;lation from the span</source>
        <translation>从此标注开始关系(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the span&apos;s relati&amp;ons</source>
        <translation>转到标注的关系(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Annotate all occurrences in document…</source>
        <translation>标注本文档中所有相同文本(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotate all occurrences in &amp;corpus…</source>
        <translation>标注整个语料库中所有相同文本(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next suggestion</source>
        <translation>下一条建议(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous suggestion</source>
        <translation>上一条建议(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accept suggestion</source>
        <translation>接受建议(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reject suggestion (also Del)</source>
        <translation>拒绝建议（也可按 Del）(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept a&amp;ll suggestions in document</source>
        <translation>接受本文档中的全部建议(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show suggestions</source>
        <translation>显示建议(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Train recommenders</source>
        <translation>训练推荐器(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommen&amp;ders…</source>
        <translation>推荐器(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snap selections to &amp;words</source>
        <translation>选区对齐到词语(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find ne&amp;xt</source>
        <translation>查找下一个(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search the corpus…</source>
        <translation>搜索语料库(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status: &amp;to do</source>
        <translation>状态：待标注(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status: &amp;in progress</source>
        <translation>状态：进行中(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status: &amp;done</source>
        <translation>状态：已完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Review disagreements</source>
        <translation>审阅分歧(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Agreement…</source>
        <translation>标注者间一致性(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check &amp;consistency…</source>
        <translation>检查标注前后一致性(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next open &amp;thread</source>
        <translation>下一个未解决的讨论(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ssign to…</source>
        <translation>分配给(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Blind annotation</source>
        <translation>盲标(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit &amp;guidelines…</source>
        <translation>编辑标注规范(&amp;G)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next document</source>
        <translation>下一篇文档(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous document</source>
        <translation>上一篇文档(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cycle &amp;script: original / 简体 / 繁體</source>
        <translation>切换字形(&amp;S)：原文 / 简体 / 繁體</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tatistics…</source>
        <translation>统计(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard &amp;tour…</source>
        <translation>键盘操作导览(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About annotator</source>
        <translation>关于 annotator(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Original</source>
        <translation>原文(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Simplified 简体</source>
        <translation>简体(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Traditional 繁體</source>
        <translation>繁體(&amp;T)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Script</source>
        <translation>字形</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Annotators shown</source>
        <translation>显示的标注者(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Shift+arrows</source>
        <translation>Shift+方向键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select text with the keyboard</source>
        <translation>用键盘选择文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a span (again)</source>
        <translation>单击片段（再次单击）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select it (the next one out, where spans nest)</source>
        <translation>选中该片段（片段嵌套时选中外面一层）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag the selection (or retag the selected span) as {tag}</source>
        <translation>将所选文本标注为“{tag}”（或将所选片段改标为该标签）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>After Shift+R: join the two spans as “{type}”</source>
        <translation>按 Shift+R 之后:以“{type}”连接两个标注</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../agreementdialog.py" line="+33"/>
        <source>document</source>
        <extracomment>One row per ... (the value passed to project_agreement, shown translated)</extracomment>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag group</source>
        <translation>标签组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+141"/>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>relation type</source>
        <translation>关系类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it needs the spans of at least two annotators</source>
        <extracomment>the computation&apos;s refusals that the window words itself (by how the message begins)</extracomment>
        <translation>至少需要两位标注者的标注片段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scope</source>
        <extracomment>the report&apos;s columns as the table heads them</extracomment>
        <translation>范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen κ 系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleiss&apos; κ</source>
        <translation>Fleiss κ 系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff α 系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unitizing αu</source>
        <translation>切分一致性 αu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1 (exact)</source>
        <translation>F1（完全匹配）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1 (overlap)</source>
        <translation>F1（重叠匹配）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agreement</source>
        <translation>标注者间一致性</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+29"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>One row per</source>
        <translation>每行统计一个</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Computing… {done} of %Ln document(s)</source>
        <translation>
            <numerusform>正在计算… 已完成 {done} / %Ln 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot compute agreement: {message}</source>
        <translation>无法计算一致性：{message}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{annotators} · uncoded text counts as a category · red: below {low} · Enter or double-click opens the disagreements</source>
        <translation>{annotators} · 未标注文本计为一个类别 · 红色：低于 {low} · 按 Enter 或双击查看分歧</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name}: no spans of their own</source>
        <translation>{name}：没有自己的标注</translation>
    </message>
</context>
<context>
    <name>AnnotateAll</name>
    <message>
        <location filename="../annotateall.py" line="+29"/>
        <source>Select a span first (click it, or Tab to it).</source>
        <extracomment>The corpus queue lists at most this many occurrences (the first ones in corpus order).</extracomment>
        <translation>请先选中一个片段（单击它，或用 Tab 键移到它）。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Every occurrence of “{text}” in the corpus is already tagged {tag}.</source>
        <translation>语料库中所有“{text}”均已标注为“{tag}”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every occurrence of “{text}” in this document is already tagged {tag}.</source>
        <translation>本文档中所有“{text}”均已标注为“{tag}”。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Annotate all occurrences</source>
        <translation>标注所有相同文本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>in %n document(s)</source>
        <translation>在 %n 篇文档中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n untagged occurrence(s) of “{text}” {where} → {tag}</source>
        <translation>“{text}”{where}有 %n 处未标注 → {tag}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%n untagged occurrence(s) of “{text}” → {tag}</source>
        <translation>“{text}”有 %n 处未标注 → {tag}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tagged %n occurrence(s); Ctrl+Z takes them all back.</source>
        <translation>已标注 %n 处；按 Ctrl+Z 可全部撤销。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagged %n occurrence(s), {others} in other documents; Ctrl+Z takes them all back.</source>
        <translation>已标注 %n 处，涉及其他 {others} 篇文档；按 Ctrl+Z 可全部撤销。</translation>
    </message>
    <message>
        <location line="-20"/>
        <source> (only the first {max} are listed)</source>
        <translation>（仅列出前 {max} 处）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untick (Space) the ones to leave; OK adds the rest as one undo step.</source>
        <translation>取消勾选（空格键）不需要标注的各处；点击“确定”后其余各处一并标注，可一次撤销。</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../panel.py" line="+98"/>
        <source>Filter spans…</source>
        <translation>筛选片段…</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../workboard.py" line="+197"/>
        <source>Assign documents</source>
        <translation>分配文档</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Assign %n document(s) to:</source>
        <translation>
            <numerusform>将 %n 篇文档分配给：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>and others (names, comma-separated)</source>
        <translation>及其他人（姓名，以逗号分隔）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each document goes to exactly the people checked; one undo takes it back.</source>
        <translation>每篇文档恰好分配给勾选的人；撤销一次即可全部收回。</translation>
    </message>
</context>
<context>
    <name>ConsistencyDialog</name>
    <message>
        <location filename="../consistencydialog.py" line="+25"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tagged differently</source>
        <extracomment>annotator.review.consistency.KINDS, as the window names them</extracomment>
        <translation>标签不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missed elsewhere</source>
        <translation>他处漏标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cuts a word</source>
        <translation>切断词语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>related differently</source>
        <translation>关系类型不同</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%n tagged differently</source>
        <extracomment>the same, counted (&quot;2 tagged differently&quot;; English&apos;s forms of &quot;cut(s)&quot; are made by hand in tools/make_translations.py)</extracomment>
        <translation>%n 处标签不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n missed elsewhere</source>
        <translation>%n 处他处漏标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n cut(s) a word</source>
        <translation>%n 处切断词语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n related differently</source>
        <translation>%n 处关系类型不同</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Consistency</source>
        <translation>标注前后一致性</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>，</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%n finding(s): {counts}</source>
        <translation>共发现 %n 处问题：{counts}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n finding(s)</source>
        <translation>共发现 %n 处问题</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../i18n.py" line="+168"/>
        <source>HH:mm</source>
        <extracomment>QLocale date formats: a time today, a day this year, a day of another year</extracomment>
        <translation>HH:mm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d MMM yyyy HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../dialogs.py" line="+38"/>
        <source>annotator projects ({patterns});;All files (*)</source>
        <translation>annotator 项目 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+3"/>
        <source>{name} is already open.</source>
        <translation>{name} 已经打开。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with the demo corpus (five articles)?</source>
        <translation>是否载入示例语料（五篇文章）？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Texts and datasets ({patterns});;All files (*)</source>
        <translation>文本和数据集 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Merge annotators&apos; work</source>
        <translation>合并其他标注者的成果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Projects and exports ({patterns});;All files (*)</source>
        <translation>项目和导出文件 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reviewer</source>
        <translation>审阅者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annotators shown</source>
        <translation>显示的标注者</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Does</source>
        <translation>功能</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <location filename="../docks.py" line="+22"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guidelines</source>
        <translation>标注规范</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../doclist.py" line="+40"/>
        <source>Mine</source>
        <extracomment>Rows measured to size the columns: the default (1,000) costs 0.2 s on a big project. the model&apos;s columns as shown: title, status, who is here, open threads, spans, who is assigned, then date, source and script</extracomment>
        <translation>我的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter documents…</source>
        <translation>筛选文档…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Assign to…</source>
        <translation>分配给…</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>Mine (%n)</source>
        <translation>
            <numerusform>我的（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>All (%n)</source>
        <translation>
            <numerusform>全部（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DropHandler</name>
    <message>
        <location filename="../dropping.py" line="+107"/>
        <source>this project</source>
        <translation>本项目</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Drop</source>
        <translation>拖放</translation>
    </message>
</context>
<context>
    <name>Dropping</name>
    <message>
        <location line="-102"/>
        <source>Only files can be dropped here.</source>
        <translation>这里只能拖放文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{url} is not a file on this computer; only local files can be dropped here.</source>
        <translation>{url} 不是本机上的文件；这里只能拖放本地文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} was not found.</source>
        <translation>找不到 {path}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{project} is a project and {other} is not: drop a project alone to open it, or files and folders to import them.</source>
        <translation>{project} 是项目文件，而 {other} 不是：单独拖入一个项目即可打开它，拖入文件和文件夹则导入它们。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop one project at a time ({first}, {second}…).</source>
        <translation>一次只能拖入一个项目（{first}、{second}…）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop to open {project}.</source>
        <translation>松开鼠标即可打开 {project}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} cannot be imported: drop texts (.txt), web pages (.html), JSON, TEI (.xml) or brat (.ann) files, or folders of them.</source>
        <translation>{name} 无法导入：请拖入文本 (.txt)、网页 (.html)、JSON、TEI (.xml) 或 brat (.ann) 文件，或包含这些文件的文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{project} is read-only ({why}); nothing can be imported into it.</source>
        <translation>{project} 为只读（{why}），无法向其中导入内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop to import %n item(s) into {project}.</source>
        <translation>松开鼠标即可将 %n 项导入 {project}。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No documents yet. Drop texts, web pages, JSON or TEI files (or folders of them) here to import them, or use File → Import files… ({keys}).</source>
        <translation>还没有文档。把文本、网页、JSON 或 TEI 文件（或包含它们的文件夹）拖到这里即可导入，也可以使用“文件 → 导入文件…”（{keys}）。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../exportdialog.py" line="+35"/>
        <source>TEI P5 stand-off (lossless)</source>
        <translation>TEI P5 外置标注（无损）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEI P5 inline (one layer per file)</source>
        <translation>TEI P5 内嵌标注（每个文件一层）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (annotator dataset, lossless)</source>
        <translation>JSON（annotator 数据集，无损）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSONL + manifest (large corpora, lossless)</source>
        <translation>JSONL + 清单（适合大型语料库，无损）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brat standoff (a folder: .txt + .ann per document)</source>
        <translation>brat 标注格式（一个文件夹：每篇文档一个 .txt 和一个 .ann）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CoNLL character BIO</source>
        <translation>CoNLL 字符级 BIO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV of spans (spreadsheets)</source>
        <translation>片段 CSV（电子表格）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted in review</source>
        <translation>审阅中已接受的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>exported %n document(s) as {format} to {files}</source>
        <translation>已将 %n 篇文档以 {format} 格式导出到 {files}</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+75"/>
        <location line="+21"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>e.g. 80/10/10 (empty: no split)</source>
        <translation>例如 80/10/10（留空则不划分）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Annotators</source>
        <translation>标注者(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Review status</source>
        <translation>审阅状态(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag &amp;groups</source>
        <translation>标签组(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Split by document</source>
        <translation>按文档划分(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split s&amp;eed</source>
        <translation>划分随机种子(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save to</source>
        <translation>保存到(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>FileTask</name>
    <message>
        <location filename="../importdialog.py" line="+41"/>
        <source>{rate} files/s</source>
        <translation>每秒 {rate} 个文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{time} in all</source>
        <translation>共用时 {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{time} left</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>%Ln document(s)</source>
        <extracomment>work(store, progress(done, total, documents or -1), cancelled) -&gt; (detail lines, errors, headline of the summary)</extracomment>
        <translation>%Ln 篇文档</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{done} of %Ln file(s)</source>
        <translation>{done} / %Ln 个文件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelled: %Ln document(s) imported from {done} of {total} files (each whole); the other files were not read: import them again to add them (documents already there are skipped)</source>
        <translation>已取消：从 {total} 个文件中的 {done} 个导入了 %Ln 篇文档（每篇均完整导入）；其余文件未读取，再次导入即可补上（已有的文档会被跳过）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{done} of %n file(s) done</source>
        <translation>已完成 {done} / %n 个文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancelling: storing the documents read so far ({documents})…</source>
        <translation>正在取消：保存已读取的文档（{documents} 篇）…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{title} failed</source>
        <translation>{title}失败</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing can be imported: the project is read-only here ({why}).</source>
        <translation>无法导入：项目在此为只读（{why}）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import annotations</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whose annotations are in these doccano/brat files?</source>
        <translation>这些 doccano/brat 文件中的标注属于哪位标注者？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../findbar.py" line="+20"/>
        <source>Find (简/繁 alike)…</source>
        <translation>查找（简繁通查）…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (F3, Enter)</source>
        <translation>下一个匹配（F3、Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../firstrun.py" line="+69"/>
        <source>Tag with one key</source>
        <translation>一键标注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select text with Shift+arrows or the mouse, then press a tag&apos;s key. With a span selected, a tag key changes its tag.</source>
        <translation>用 Shift+方向键或鼠标选择文本，再按标签对应的键。选中片段时按标签键，则更改该片段的标签。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move between spans and resize them</source>
        <translation>在片段间移动并调整范围</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The selected span is drawn bold; its edges move one character at a time.</source>
        <translation>选中的片段以粗体显示；其边界每次移动一个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next / previous span</source>
        <translation>下一个 / 上一个片段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the span&apos;s start left / right</source>
        <translation>片段起点左移 / 右移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the span&apos;s end left / right</source>
        <translation>片段终点左移 / 右移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected span</source>
        <translation>删除选中的片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo anything</source>
        <translation>一切皆可撤销</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every edit is stored the moment you make it: there is no Save button. Undo reaches back across documents and restarts.</source>
        <translation>每次编辑都会立即保存，无需“保存”按钮。撤销可以跨文档进行，重启程序后依然有效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestions</source>
        <translation>标注建议</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terms already tagged elsewhere are underlined with dots. They become annotations only when you accept them.</source>
        <translation>在别处已标注过的词语会加上点状下划线。只有在您接受后，它们才会成为标注。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next / previous suggestion</source>
        <translation>下一条 / 上一条建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the suggestion at the caret</source>
        <translation>接受光标处的建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject it</source>
        <translation>拒绝该建议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept every suggestion in the document</source>
        <translation>接受本文档中的全部建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review, search and the rest</source>
        <translation>审阅、搜索及其他</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review walks through where annotators disagree; search looks through the whole corpus, simplified and traditional alike.</source>
        <translation>审阅功能逐一列出标注者之间的分歧；搜索功能可检索整个语料库，简繁通查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review disagreements</source>
        <translation>审阅分歧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the corpus</source>
        <translation>搜索语料库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find in this document</source>
        <translation>在本文档中查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next / previous document</source>
        <translation>下一篇 / 上一篇文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every shortcut, any time</source>
        <translation>随时查看全部快捷键</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Keyboard tour · {n} of {total}</source>
        <translation>键盘操作导览 · 第 {n} 页，共 {total} 页</translation>
    </message>
    <message>
        <location line="+216"/>
        <source>The project could not be created: {error}</source>
        <translation>无法创建项目：{error}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location line="-102"/>
        <location line="+6"/>
        <source>Welcome to annotator</source>
        <translation>欢迎使用 annotator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag actors, mechanisms and threats in Chinese texts, review each other&apos;s work and export datasets. First, who is annotating?</source>
        <translation>在中文文本中标注行为体、机制与威胁，相互审阅标注成果，并导出数据集。首先，请问标注者是谁？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name or id</source>
        <translation>您的姓名或代号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is recorded on every annotation you make, so reviewers can tell annotators apart.</source>
        <translation>它会记录在您所做的每条标注上，以便审阅者区分不同的标注者。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your project</source>
        <translation>您的项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with the &amp;demo corpus (5 sample articles)</source>
        <translation>载入示例语料（5 篇样例文章）(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with an &amp;empty project</source>
        <translation>从空项目开始(&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It is opened from:</source>
        <translation>项目打开位置：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It is saved at:</source>
        <translation>项目保存位置：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every edit is saved there as you make it. File → New project and File → Open project make and open others; drop files on the window to import them.</source>
        <translation>每次编辑都会立即保存到该处。使用“文件 → 新建项目”和“文件 → 打开项目”可以创建和打开其他项目；把文件拖到窗口上即可导入。</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>&amp;Start annotating</source>
        <translation>开始标注(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter or → next · ← back · Esc skips the tour</source>
        <translation>Enter 或 → 下一页 · ← 上一页 · Esc 跳过导览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip tour</source>
        <translation>跳过导览</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Guidelines</name>
    <message>
        <location filename="../guidelines.py" line="+48"/>
        <source>Examples: {terms}</source>
        <translation>示例：{terms}</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Guidelines version {n} saved; new spans record it.</source>
        <translation>已保存第 {n} 版标注规范；此后新建的片段都会记录该版本。</translation>
    </message>
</context>
<context>
    <name>GuidelinesDialog</name>
    <message>
        <location line="-66"/>
        <source>Edit guidelines</source>
        <translation>编辑标注规范</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Markdown. Saving makes a new version; spans made from then on record it, and exports carry every version.</source>
        <translation>使用 Markdown 格式。每次保存生成一个新版本；此后新建的片段记录该版本，导出时包含所有版本。</translation>
    </message>
</context>
<context>
    <name>GuidelinesPane</name>
    <message>
        <location line="-66"/>
        <source>Edit guidelines…</source>
        <translation>编辑标注规范…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Select a span, or point at a tag in the palette, to see its definition here.</source>
        <translation>选中一个片段，或将鼠标指向标签面板中的某个标签，即可在此查看其定义。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No project guidelines yet.</source>
        <translation>本项目尚无标注规范。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version {n} · {author} · {when}</source>
        <translation>第 {n} 版 · {author} · {when}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../panel.py" line="-61"/>
        <location line="+23"/>
        <source>No span selected</source>
        <translation>未选中片段</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>e.g. 赵克志 for 趙克志 / Zhao Kezhi</source>
        <translation>例如：将 趙克志 规范为 赵克志</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Normalized &amp;name</source>
        <translation>规范名称(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Certainty</source>
        <translation>确定程度(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../i18n.py" line="-110"/>
        <source>Follow the &amp;system</source>
        <extracomment>the tagset&apos;s label language for each interface language View → Language: each language by its own name, as language menus do</extracomment>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the interface in this language</source>
        <translation>以此语言显示界面</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window.py" line="+127"/>
        <source>Annotator: {name}</source>
        <translation>标注者：{name}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Opened {title} in {ms:.0f} ms</source>
        <translation>已打开《{title}》，用时 {ms:.0f} 毫秒</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Select some text first, then press a tag key.</source>
        <translation>请先选择文本，再按标签键。</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <location filename="../people.py" line="+34"/>
        <source>&amp;All annotators</source>
        <translation>全部标注者(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only &amp;mine</source>
        <translation>仅我的标注(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only {name}</source>
        <translation>仅 {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Choose annotators…</source>
        <translation>选择标注者(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../actions.py" line="-105"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;uggestions</source>
        <translation>建议(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../models.py" line="+25"/>
        <source>to do</source>
        <translation>待标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in review</source>
        <translation>审阅中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>normalized: {value}</source>
        <translation>规范名称：{value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>certainty: {value}</source>
        <translation>确定程度：{value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note: {value}</source>
        <translation>备注：{value}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Document {n} of {total} · %n span(s) · {status}</source>
        <translation>第 {n} 篇，共 {total} 篇 · %n 个片段 · {status}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>by {annotator}</source>
        <translation>标注者：{annotator}</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Title</source>
        <extracomment>rows whose filter text is made per idle turn of the event loop (~10 ms) the wait before the first slice (the first paint of a big project goes first) the pace of the reads while a team project&apos;s server is gone (the reconnect&apos;s)</extracomment>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Script</source>
        <translation>字形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spans</source>
        <translation>片段数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>分工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Here</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads</source>
        <translation>讨论</translation>
    </message>
    <message>
        <location line="+223"/>
        <source>{title}
{id} · %Ln character(s)</source>
        <extracomment>the team&apos;s columns of a row (qt.workboard): my status, the spans I may see, who is assigned, who is here, open threads; None: the document&apos;s own</extracomment>
        <translation>{title}
{id} · %Ln 个字符</translation>
    </message>
    <message>
        <location filename="../spanmodel.py" line="+41"/>
        <source>Text</source>
        <extracomment>reading order, the order of the span index</extracomment>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Normalized</source>
        <translation>规范名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certainty</source>
        <translation>确定程度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OpenTeamDialog</name>
    <message>
        <location filename="../team.py" line="+77"/>
        <source>Open team project</source>
        <translation>打开团队项目</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>from ~/.pgpass, or none</source>
        <translation>取自 ~/.pgpass，或无需密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You work as the PostgreSQL role in the address; the password, if you type one, is never stored.</source>
        <translation>您以地址中的 PostgreSQL 角色身份工作；输入的密码不会被保存。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <location filename="../firstrun.py" line="-74"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一页(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>&amp;Next &gt;</source>
        <translation>下一页(&amp;N) &gt;</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../progressview.py" line="+86"/>
        <source>Active hours: the time between edits, pauses over ten minutes left out. Agreement: over the documents both of a pair have marked done.</source>
        <translation>活跃时长：相邻两次编辑之间的时间，超过十分钟的停顿不计。一致性：按每对标注者都已标为完成的文档计算。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot compute the progress: {error}</source>
        <translation>无法计算进度：{error}</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>%n 位标注者</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export team progress as CSV</source>
        <translation>将团队进度导出为 CSV</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{path}: cannot export: {reason}</source>
        <translation>{path}：无法导出：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location line="-123"/>
        <source>Team progress</source>
        <translation>团队进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spans</source>
        <translation>片段数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active hours</source>
        <translation>活跃时长（小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done with others</source>
        <translation>与他人共同完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement α</source>
        <translation>一致性 α</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Span F1</source>
        <translation>片段 F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pair</source>
        <translation>标注者对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents done by both</source>
        <translation>双方都已完成的文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen κ 系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff α 系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1 exact</source>
        <translation>F1（完全匹配）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1 overlap</source>
        <translation>F1（重叠匹配）</translation>
    </message>
</context>
<context>
    <name>Recent</name>
    <message>
        <location filename="../recent.py" line="+74"/>
        <location line="+7"/>
        <source>&amp;{n}  {name}  —  {folder}</source>
        <translation>&amp;{n}  {name}  —  {folder}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{entry}  (not found)</source>
        <translation>{entry}  （找不到）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear recent projects</source>
        <translation>清除最近的项目(&amp;C)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Open recent project</source>
        <translation>打开最近的项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{path} is no longer there; it has been removed from the recent projects.</source>
        <translation>{path} 已不存在，已将其从最近的项目中移除。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recent projects cleared.</source>
        <translation>已清除最近的项目。</translation>
    </message>
</context>
<context>
    <name>Recommenders</name>
    <message>
        <location filename="../recommenders.py" line="+54"/>
        <source>lexicon</source>
        <translation>词表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequence model (CRF)</source>
        <translation>序列模型（CRF）</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>The {recommender} was not evaluated: it needs at least two documents in its training layer.</source>
        <translation>{recommender}未经评估：其训练层至少需要两篇文档。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The {recommender} makes no suggestions: its F1 on held-out documents is {f1:.3f}, below the project&apos;s threshold of {limit:.2f}.</source>
        <translation>{recommender}不提供建议：它在留出文档上的 F1 为 {f1:.3f}，低于项目阈值 {limit:.2f}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The {recommender} suggests: its F1 on held-out documents is {f1:.3f} (threshold {limit:.2f}).</source>
        <translation>{recommender}提供建议：它在留出文档上的 F1 为 {f1:.3f}（阈值 {limit:.2f}）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing to learn from yet: the project has no gold layer and you have no spans.</source>
        <translation>尚无可供学习的内容：项目没有金标准层，您也还没有标注。</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Minimum score: {score:.2f}</source>
        <extracomment>how long a worker thread may hold Python&apos;s interpreter lock before the GUI thread gets it back (Python&apos;s default is 5 ms): predicting a long document on a worker thread must not make a key wait for several such turns</extracomment>
        <translation>最低分数：{score:.2f}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>A project in memory cannot train recommenders.</source>
        <translation>内存中的项目无法训练推荐器。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No recommenders are trained for this project yet (Suggestions → Train recommenders).</source>
        <translation>本项目尚未训练推荐器（建议 → 训练推荐器）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recommenders</source>
        <translation>推荐器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{recommender}, score {score:.2f}</source>
        <translation>{recommender}，分数 {score:.2f}</translation>
    </message>
</context>
<context>
    <name>Relating</name>
    <message>
        <location filename="../relating.py" line="+131"/>
        <source>Relation removed (Ctrl+Z brings it back).</source>
        <translation>关系已删除(Ctrl+Z 可恢复)。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No other relation type may join these two spans.</source>
        <translation>没有其他关系类型可以连接这两个片段。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Relation type changed (Ctrl+Z changes it back).</source>
        <translation>关系类型已更改（Ctrl+Z 可改回）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The selected span has no relations.</source>
        <translation>所选标注没有关系。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tagset declares no relation types.</source>
        <translation>标签集未定义关系类型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a span first (Tab), then press Shift+R.</source>
        <translation>请先选择一个标注(Tab),再按 Shift+R。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A relation joins spans of one annotator: this span is {name}&apos;s.</source>
        <translation>关系只能连接同一标注者的标注:此标注属于 {name}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No span in this document may be related to this one.</source>
        <translation>本文档中没有可与此标注建立关系的标注。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Relate 「{start}」 to 「{picked}」 ({n} of {total}): Tab/Shift+Tab another span, {keys} or Enter to choose, Esc to cancel.</source>
        <translation>将「{start}」关联到「{picked}」(第 {n} 个,共 {total} 个):Tab/Shift+Tab 换一个标注,{keys} 或 Enter 选择类型,Esc 取消。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>「{type}」 cannot join {a} and {b}; Enter lists what can.</source>
        <translation>「{type}」不能连接{a}和{b};按 Enter 列出可用的类型。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Related: 「{a}」 {type} 「{b}」. Shift+R goes on from 「{c}」.</source>
        <translation>已关联:「{a}」{type}「{b}」。按 Shift+R 从「{c}」继续。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No relation made.</source>
        <translation>未建立关系。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>A relation is being made: Esc cancels it (Del deletes nothing meanwhile).</source>
        <translation>正在建立关系：按 Esc 键取消（此时删除键不删除任何内容）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No relation may join that to 「{start}」; click a span the list of targets offers (Tab).</source>
        <translation>没有关系可以把它与「{start}」连接;请点击可选目标中的标注(Tab)。</translation>
    </message>
</context>
<context>
    <name>RelationList</name>
    <message>
        <location filename="../relationlist.py" line="+50"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter: go to the other end · F2: change its type · Delete: remove the relation</source>
        <translation>回车键:转到另一端 · F2键:更改类型 · 删除键:删除关系</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&amp;Go to the other end</source>
        <translation>跳到另一端(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change type…</source>
        <translation>更改类型(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete relation</source>
        <translation>删除关系(&amp;D)</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>No relations. Shift+R starts one from the selected span.</source>
        <translation>没有关系。按 Shift+R 从所选标注开始一个关系。</translation>
    </message>
</context>
<context>
    <name>RelationStats</name>
    <message>
        <location filename="../relationstats.py" line="+30"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a link to list its places; Enter or double-click opens one.</source>
        <translation>单击一条连线即可列出其出处；按 Enter 或双击打开。</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+22"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot compute the relations: {error}</source>
        <translation>无法统计关系：{error}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%n relation(s)</source>
        <translation>%n 个关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n chain(s) actor → mechanism → threat</source>
        <translation>%n 条 行为体 → 机制 → 威胁 链</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{source} → {target}: %n link(s)</source>
        <translation>{source} → {target}：%n 条连线</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export the network as {format}</source>
        <translation>将关系网络导出为 {format}</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <location filename="../relmenu.py" line="+25"/>
        <source>{key}{name} (from the picked span)</source>
        <translation>{key}{name}(由所选目标出发)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Relation type</source>
        <translation>关系类型</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Change the relation&apos;s type</source>
        <translation>更改关系类型</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>{name} (turned round)</source>
        <translation>{name}（方向反转）</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../review.py" line="+66"/>
        <source>Blind annotation: review this document once you have marked it done.</source>
        <extracomment>text colours for what only one annotator marked (Okabe–Ito, colour-blind safe, dark)</extracomment>
        <translation>盲标：请先将此文档标为已完成，再进行审阅。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Cannot accept this relation: {reason}</source>
        <translation>无法接受此关系：{reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} is reviewing this document (since {since}): your decisions wait until they leave it.</source>
        <translation>{name} 正在审阅此文档（自 {since} 起）：待其离开后，您才能提交审阅决定。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saved: {what}. Open cases left in this document: {left}.</source>
        <translation>已保存：{what}。本文档尚余 {left} 个待裁决案例。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../reviewpanel.py" line="+34"/>
        <source>only one annotator marked it</source>
        <extracomment>annotator.review.cases.KIND_LABELS and decisions, as the panel names them</extracomment>
        <translation>仅一位标注者标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not every annotator marked it</source>
        <translation>并非所有标注者都标注了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boundaries differ</source>
        <translation>边界不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags differ</source>
        <translation>标签不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attributes differ</source>
        <translation>属性不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all agree</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>relation: only one annotator drew it</source>
        <extracomment>annotator.review.relcases.KINDS, as the panel names them</extracomment>
        <translation>关系：仅一位标注者标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relation: not every annotator drew it</source>
        <translation>关系：并非所有标注者都标注了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relation: types differ</source>
        <translation>关系：类型不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relation: ends differ</source>
        <translation>关系：端点不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relation: all agree</source>
        <translation>关系：完全一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted with edits</source>
        <translation>修改后接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Case</source>
        <translation>分歧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer&apos;s note (optional)</source>
        <translation>审阅意见（可选）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text only one annotator marked is shown in their colour</source>
        <translation>只有一位标注者标注的文本以该标注者的颜色显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept (Enter)</source>
        <translation>接受（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject (Del)</source>
        <translation>拒绝（Del）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept all unanimous (Ctrl+Enter)</source>
        <translation>接受全部一致项（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compare:</source>
        <translation>比较：</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>■ only {name}</source>
        <extracomment>the discussion threads on a case&apos;s spans (set by the window) relation type id -&gt; (its name, directed); set by the window</extracomment>
        <translation>■ 仅 {name}</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>{open} open of %n case(s)</source>
        <translation>
            <numerusform>共 %n 个案例，{open} 个待处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n open thread(s)</source>
        <translation>
            <numerusform>%n 个未解决的讨论</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../safety.py" line="+83"/>
        <source>Project in use</source>
        <translation>项目正在使用中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name} is already open for editing by {holder}.

Open it read-only? You can read, search and export; edits are off until the other window closes it.</source>
        <translation>{name} 已由 {holder} 打开编辑。

以只读方式打开吗？您可以阅读、搜索和导出；在另一个窗口关闭它之前无法编辑。</translation>
    </message>
    <message>
        <location filename="../lockwatch.py" line="+37"/>
        <source>{who} (process {pid} on {host}, since {since})</source>
        <translation>{who}（{host} 上的进程 {pid}，自 {since} 起）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open for editing by {holder}</source>
        <translation>已由 {holder} 打开编辑</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&lt;b&gt;Read-only&lt;/b&gt; — {who} has closed the project. &lt;a href=&quot;{link}&quot;&gt;Edit it here&lt;/a&gt; (edits stay off until you do).</source>
        <translation>&lt;b&gt;只读&lt;/b&gt; — {who} 已关闭此项目。&lt;a href=&quot;{link}&quot;&gt;在此编辑&lt;/a&gt;（在此之前仍无法编辑）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{who} opened the project for editing first.</source>
        <translation>{who} 已先打开此项目进行编辑。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You are editing {name} now.</source>
        <translation>现在由你编辑 {name}。</translation>
    </message>
    <message>
        <location filename="../safety.py" line="+11"/>
        <location line="+4"/>
        <source>Damaged project</source>
        <translation>项目已损坏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name} is damaged: {problem}

Restore the latest backup (taken {taken})? The damaged file is kept in {folder}; nothing is deleted.</source>
        <translation>{name} 已损坏：{problem}

要恢复最新的备份（备份于 {taken}）吗？损坏的文件将保留在 {folder} 中，不会删除任何内容。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&lt;b&gt;Upgraded&lt;/b&gt; to this version of annotator: {notes}.</source>
        <translation>&lt;b&gt;已升级&lt;/b&gt;到此版本的 annotator：{notes}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Read-only&lt;/b&gt; — {why}. Reading, searching and exporting work; edits are off.</source>
        <translation>&lt;b&gt;只读&lt;/b&gt; — {why}。可以阅读、搜索和导出，但无法编辑。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the file is damaged ({problem}); File → Restore from backup</source>
        <translation>文件已损坏（{problem}）；请使用“文件 → 从备份恢复”</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+31"/>
        <source>Backed up to {where}</source>
        <translation>已备份到 {where}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This project has no backups yet.</source>
        <translation>本项目还没有备份。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The project is read-only here: restore it from the window that edits it.</source>
        <translation>项目在此窗口中为只读：请在编辑它的窗口中恢复。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put this backup in place of the project (the current file is kept):</source>
        <translation>用此备份替换当前项目（当前文件会被保留）：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restored {backup}; the replaced file is {aside}</source>
        <translation>已恢复 {backup}；被替换的文件保存为 {aside}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Something went wrong: {error}

Every edit you saw happen is stored; this one may not have been.</source>
        <translation>出现错误：{error}

您看到已生效的每次编辑都已保存；刚才这一次可能没有保存。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../searchpanel.py" line="+51"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left</source>
        <translation>左文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right</source>
        <translation>右文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All {group}</source>
        <translation>全部{group}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Any annotator</source>
        <translation>任意标注者</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>first %n span(s), counting…</source>
        <translation>前 %n 个片段，正在计数…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first %n span(s)</source>
        <translation>前 %n 个片段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first %n match(es), counting…</source>
        <translation>前 %n 处匹配，正在计数…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first %n match(es)</source>
        <translation>前 %n 处匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} of %n span(s)</source>
        <translation>%n 个片段中的 {shown} 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} of %n match(es)</source>
        <translation>%n 处匹配中的 {shown} 处</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n span(s)</source>
        <translation>%n 个片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n match(es)</source>
        <translation>%n 处匹配</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Search the corpus (简/繁 alike)…</source>
        <translation>搜索语料库（简繁通查）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only spans with this tag, or a tag of this group</source>
        <translation>仅限带有此标签（或此标签组中标签）的片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only spans by this annotator</source>
        <translation>仅限此标注者的片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only spans accepted in review, or gold</source>
        <translation>仅限审阅中已接受的片段或金标准片段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>normalized name, e.g. 赵克志</source>
        <translation>规范名称，例如 赵克志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only spans with this normalized name (简/繁 alike); Enter</source>
        <translation>仅限具有此规范名称的片段（简繁通查）；按 Enter 搜索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order of the hits: by place, or by the word before or after the hit</source>
        <translation>命中的排序：按位置，或按命中前后的词语</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By place</source>
        <translation>按位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By the word before</source>
        <translation>按前一个词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By the word after</source>
        <translation>按后一个词</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../statsview.py" line="+56"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotators</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actors × Threats</source>
        <translation>行为体 × 威胁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actors × Mechanisms</source>
        <translation>行为体 × 机制</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+115"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Names</source>
        <translation>规范名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sentence</source>
        <extracomment>the choices of the unit and timeline combos: (shown, translated where shown; value)</extracomment>
        <translation>句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By year</source>
        <translation>按年</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Click a cell or a bar to list the places behind it; Enter or double-click opens one.</source>
        <extracomment>the chart languages, each by its own name (as language menus do)</extracomment>
        <translation>单击热图的单元格或条形，即可在此列出其对应的位置；按 Enter 或双击打开其中一处。</translation>
    </message>
    <message>
        <location filename="../statscaption.py" line="+17"/>
        <source>{tag}: %n span(s)</source>
        <translation>{tag}：%n 个片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{row} × {column}: %n sentence(s) with both</source>
        <translation>{row} × {column}：%n 个句子同时含有二者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{row} × {column}: %n paragraph(s) with both</source>
        <translation>{row} × {column}：%n 个段落同时含有二者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{tag} in {period}: %n span(s)</source>
        <translation>{tag}（{period}）：%n 个片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({group}): %n span(s)</source>
        <translation>{name}（{group}）：%n 个片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{annotator} · {group}: %n span(s)</source>
        <translation>{annotator} · {group}：%n 个片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{measure} · {status}: %n document(s)</source>
        <translation>{measure} · {status}：%n 篇文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title}: %n span(s)</source>
        <translation>{title}：%n 个片段</translation>
    </message>
    <message numerus="yes">
        <location filename="../statsview.py" line="+202"/>
        <source>%n span(s) in {documents} · {ms} ms</source>
        <translation>
            <numerusform>{documents}，%n 个片段 · {ms} 毫秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>the first %n place(s)</source>
        <translation>
            <numerusform>仅列出前 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <location line="-242"/>
        <source>All annotators</source>
        <translation>全部标注者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold layer</source>
        <translation>金标准层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator: {name}</source>
        <translation>标注者：{name}</translation>
    </message>
    <message>
        <location filename="../relationstats.py" line="-90"/>
        <location filename="../statsview.py" line="+35"/>
        <source>Export {format}…</source>
        <translation>导出 {format}…</translation>
    </message>
    <message>
        <location filename="../statsview.py" line="+20"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+58"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-occurrence in</source>
        <translation>共现单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chart labels</source>
        <translation>图表文字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Computing… {percent} %</source>
        <translation>正在计算… {percent}%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot compute the statistics: {error}</source>
        <translation>无法计算统计数据：{error}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Enter or double-click opens one</source>
        <translation>按 Enter 或双击打开</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export {chart} as {format}</source>
        <translation>将“{chart}”导出为 {format}</translation>
    </message>
    <message>
        <location filename="../relationstats.py" line="+105"/>
        <location filename="../statsview.py" line="+17"/>
        <source>{path}: cannot export: {reason}</source>
        <translation>{path}：无法导出：{reason}</translation>
    </message>
    <message>
        <location filename="../statsview.py" line="+3"/>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../statusbar.py" line="+139"/>
        <source>原</source>
        <extracomment>pixels between the end of a message and the first permanent widget pixels on each side of a permanent widget&apos;s text a steady label narrows when its text needs less than this share of its width the script view&apos;s mark: the text as imported, simplified, traditional</extracomment>
        <translation>原</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>简</source>
        <translation>简</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>繁</source>
        <translation>繁</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Script view: {view} (Ctrl+T or a click: original → simplified → traditional)</source>
        <translation>字形视图：{view}（Ctrl+T 或点一下切换：原文 → 简体 → 繁体）</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../suggestions.py" line="+40"/>
        <source>A accept · U reject · Shift+A accept all in document · N/P next/previous</source>
        <translation>A 接受 · U 拒绝 · Shift+A 接受本文档全部建议 · N/P 下一条/上一条</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>tagged so {k} of %n time(s)</source>
        <translation>%n 次中有 {k} 次如此标注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a term listed in the tagset</source>
        <translation>标签集中列出的词语</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Suggestion: {tag} ({basis})</source>
        <translation>建议：{tag}（{basis}）</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Suggestions are off: {error} (they are prepared again when the project is opened again)</source>
        <translation>建议已关闭：{error}（重新打开项目时会重新准备）</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>Suggestions are hidden (Suggestions → Show suggestions).</source>
        <translation>建议已隐藏（建议 → 显示建议）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+51"/>
        <source>No suggestions in this document.</source>
        <translation>本文档中没有建议。</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Suggestion: {text} → {tag}   ({hint})</source>
        <translation>建议：{text} → {tag}&#x3000;（{hint}）</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+20"/>
        <source>Put the caret on a suggestion first (N).</source>
        <translation>请先将光标移到一条建议上（N）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Accepted %n suggestion(s); Ctrl+Z takes them all back.</source>
        <translation>已接受 %n 条建议；按 Ctrl+Z 可全部撤销。</translation>
    </message>
</context>
<context>
    <name>TagPalette</name>
    <message>
        <location filename="../palette.py" line="+34"/>
        <source>Filter tags…</source>
        <translation>筛选标签…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <location filename="../team.py" line="-33"/>
        <source>{db} on {host} (as {user})</source>
        <extracomment>the banner&apos;s line while a window&apos;s team project has lost its server colleagues&apos; edits in other documents than the open one: their list rows are read again together, at most this long after the first of them (see :func:`_rows_later`)</extracomment>
        <translation>{db}（{host}，身份 {user}）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{address}: not a team project address (postgresql://USER@HOST/DATABASE)</source>
        <translation>{address}：不是团队项目地址（postgresql://用户@主机/数据库）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open team project</source>
        <translation>打开团队项目</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Live updates are off: {reason}</source>
        <translation>实时更新已关闭：{reason}</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>&lt;b&gt;The connection to the server is lost&lt;/b&gt; ({when}) — reconnecting… Everything shown is stored; edits are off until the server is back.</source>
        <translation>&lt;b&gt;与服务器的连接已断开&lt;/b&gt;（{when}）— 正在重新连接…… 所显示的内容均已保存；服务器恢复之前无法编辑。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Connected to the server again.</source>
        <translation>已重新连接到服务器。</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <location filename="../threads.py" line="+108"/>
        <source>Write a comment… (Enter)</source>
        <translation>写评论…（按 Enter）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New thread</source>
        <translation>新讨论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Resolve</source>
        <translation>标为已解决</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resolved by {name}</source>
        <translation>已由 {name} 解决</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
</context>
<context>
    <name>Threads</name>
    <message>
        <location line="+68"/>
        <source>Edit comment</source>
        <translation>编辑评论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment:</source>
        <translation>评论：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the document</source>
        <extracomment>the open document&apos;s threads and comments as last read: (doc id, threads, comments)</extracomment>
        <translation>整篇文档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{text} (span deleted)</source>
        <translation>{text}（片段已删除）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes on “{text}”</source>
        <translation>关于“{text}”的讨论</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes on this document (select a span for its own)</source>
        <translation>本文档的讨论（选中片段可查看该片段的讨论）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No open thread.</source>
        <translation>没有未解决的讨论。</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <location filename="../firstrun.py" line="+22"/>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter or → next · ← back · Esc closes</source>
        <translation>Enter 或 → 下一页 · ← 上一页 · Esc 关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard tour</source>
        <translation>键盘操作导览</translation>
    </message>
</context>
<context>
    <name>TrainTask</name>
    <message>
        <location filename="../recommenders.py" line="-154"/>
        <source>Training the recommenders…</source>
        <translation>正在训练推荐器…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train recommenders</source>
        <translation>训练推荐器</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Training cancelled: the recommenders are as they were.</source>
        <translation>训练已取消：推荐器保持原样。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A project in memory keeps no trained recommenders.</source>
        <translation>内存中的项目不保存训练好的推荐器。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recommenders trained on the layer {layer}: {verdicts}</source>
        <translation>推荐器已在 {layer} 层上训练：{verdicts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measuring on held-out documents…</source>
        <translation>正在留出文档上评估…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the training layer…</source>
        <translation>正在读取训练层…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training the sequence model…</source>
        <translation>正在训练序列模型…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training the recommenders in the background: {step}</source>
        <translation>正在后台训练推荐器：{step}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../undo.py" line="-44"/>
        <source>tag {what}</source>
        <extracomment>a command&apos;s name in the Edit menu by its kind, outside English (the journal stores the English label); {what} is the text the label names, if any</extracomment>
        <translation>标注 {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete span</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change tag to {what}</source>
        <translation>更改标签为 {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resize span</source>
        <translation>调整片段范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit attributes</source>
        <translation>编辑属性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag several spans</source>
        <translation>批量标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reject suggestion {what}</source>
        <translation>拒绝建议 {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>review decision</source>
        <translation>审阅裁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status: {what}</source>
        <translation>状态：{what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assign documents</source>
        <translation>分配文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comment {what}</source>
        <translation>评论 {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit comment</source>
        <translation>编辑评论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete comment</source>
        <translation>删除评论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolve thread</source>
        <translation>将讨论标为已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reopen thread</source>
        <translation>重新打开讨论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add relation ({what})</source>
        <translation>添加关系({what})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete relation</source>
        <translation>删除关系</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot undo “{what}”: it was changed since (by someone else, or in another window); nothing was changed.</source>
        <translation>无法撤销“{what}”：此后它已被更改（由其他人，或在另一个窗口中）；未做任何更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot redo “{what}”: it was changed since (by someone else, or in another window); nothing was changed.</source>
        <translation>无法重做“{what}”：此后它已被更改（由其他人，或在另一个窗口中）；未做任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undone: {what}</source>
        <translation>已撤销：{what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redone: {what}</source>
        <translation>已重做：{what}</translation>
    </message>
</context>
<context>
    <name>Workboard</name>
    <message>
        <location filename="../workboard.py" line="+18"/>
        <source>Only reviewers assign documents.</source>
        <translation>只有审阅者可以分配文档。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Blind annotation is on: annotators see only their own layer of a document until they mark it done.</source>
        <translation>盲标已开启：标注者在将文档标为已完成之前，只能看到自己的标注层。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blind annotation is off.</source>
        <translation>盲标已关闭。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> · blind: only your layer until you mark it {done}</source>
        <translation> · 盲标：标为“{done}”之前只显示您的标注层</translation>
    </message>
</context>
</TS>
