<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../about.py" line="+111" />
        <source>Python {python} · Qt {qt} · PySide6 {pyside} · {system}</source>
        <translation>Python {python} · Qt {qt} · PySide6 {pyside} · {system}</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location line="+19" />
        <source>About annotator</source>
        <translation>關於 annotator</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;Bundled components&lt;/b&gt; — choose one to read its licence:</source>
        <translation>&lt;b&gt;附帶的元件&lt;/b&gt;——選擇一項即可閱讀其授權條款：</translation>
    </message>
    <message>
        <location line="+34" />
        <source>&lt;p&gt;Tag actors, mechanisms and threats in Chinese security-cooperation texts; review; export TEI and JSON.&lt;br&gt;在中文安全合作文本中标注行为体、机制与威胁。&lt;/p&gt;</source>
        <translation>&lt;p&gt;在中文安全合作文字中標註行為體、機制與威脅；審閱標註；匯出 TEI 與 JSON。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&lt;p&gt;annotator is free software under the MIT licence. It is built with Qt and Qt for Python (PySide6), used under the GNU LGPL version 3: their notice below says where to get their source code. The TEI P5 schema is © the TEI Consortium (CC-BY / BSD-2).&lt;/p&gt;</source>
        <translation>&lt;p&gt;annotator 是自由軟體，以 MIT 授權條款釋出。它基於 Qt 與 PySide6（Qt 的官方 Python 繫結）構建，二者按 GNU LGPL 第 3 版使用：下方它們的聲明說明了從何處獲取其原始碼。TEI P5 模式版權歸 TEI 聯盟所有（CC-BY / BSD-2）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Component</source>
        <translation>元件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Licence</source>
        <translation>授權條款</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Homepage: {url}</source>
        <translation>首頁：{url}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source: {url}</source>
        <translation>原始碼：{url}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../actions.py" line="+24" />
        <source>&amp;Open project…</source>
        <translation>開啟專案(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open &amp;team project…</source>
        <translation>開啟團隊專案(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;New project…</source>
        <translation>新增專案(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open re&amp;cent</source>
        <translation>最近的專案(&amp;C)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Import files…</source>
        <translation>匯入檔案(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Merge annotators' work…</source>
        <translation>合併其他標註者的成果(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Back up now</source>
        <translation>立即備份(&amp;B)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Restore from backup…</source>
        <translation>從備份恢復(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../undo.py" line="+72" />
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../undo.py" line="+1" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Delete span</source>
        <translation>刪除片段(&amp;D)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Next span</source>
        <translation>下一個片段(&amp;N)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Previous span</source>
        <translation>上一個片段(&amp;P)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Move span start left</source>
        <translation>片段起點左移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Move span start right</source>
        <translation>片段起點右移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Move span end left</source>
        <translation>片段終點左移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Move span end right</source>
        <translation>片段終點右移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Clear selection</source>
        <translation>取消選擇(&amp;C)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Start a re&amp;lation from the span</source>
        <translation>從此標註開始關係(&amp;L)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Go to the span's relati&amp;ons</source>
        <translation>轉到標註的關係(&amp;O)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Annotate all occurrences in document…</source>
        <translation>標註本文件中所有相同文字(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Annotate all occurrences in &amp;corpus…</source>
        <translation>標註整個語料庫中所有相同文字(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Next suggestion</source>
        <translation>下一條建議(&amp;N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Previous suggestion</source>
        <translation>上一條建議(&amp;P)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Accept suggestion</source>
        <translation>接受建議(&amp;A)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Reject suggestion (also Del)</source>
        <translation>拒絕建議（也可按 Del）(&amp;R)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Accept a&amp;ll suggestions in document</source>
        <translation>接受本文件中的全部建議(&amp;L)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Show suggestions</source>
        <translation>顯示建議(&amp;S)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Train recommenders</source>
        <translation>訓練推薦器(&amp;T)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recommen&amp;ders…</source>
        <translation>推薦器(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Snap selections to &amp;words</source>
        <translation>選區對齊到詞語(&amp;W)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find ne&amp;xt</source>
        <translation>尋找下一個(&amp;X)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Search the corpus…</source>
        <translation>搜尋語料庫(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Find pre&amp;vious</source>
        <translation>尋找上一個(&amp;V)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status: &amp;to do</source>
        <translation>狀態：待標註(&amp;T)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status: &amp;in progress</source>
        <translation>狀態：進行中(&amp;I)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status: &amp;done</source>
        <translation>狀態：已完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Review disagreements</source>
        <translation>審閱分歧(&amp;R)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Agreement…</source>
        <translation>標註者間一致性(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Check &amp;consistency…</source>
        <translation>檢查標註前後一致性(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Next open &amp;thread</source>
        <translation>下一個未解決的討論(&amp;T)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A&amp;ssign to…</source>
        <translation>分配給(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Blind annotation</source>
        <translation>盲標(&amp;B)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Edit &amp;guidelines…</source>
        <translation>編輯標註規範(&amp;G)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Next document</source>
        <translation>下一篇文件(&amp;N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Previous document</source>
        <translation>上一篇文件(&amp;P)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cycle &amp;script: original / 简体 / 繁體</source>
        <translation>切換字形(&amp;S)：原文 / 簡體 / 繁體</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;tatistics…</source>
        <translation>統計(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷鍵一覽(&amp;K)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keyboard &amp;tour…</source>
        <translation>鍵盤操作導覽(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About annotator</source>
        <translation>關於 annotator(&amp;A)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Original</source>
        <translation>原文(&amp;O)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Simplified 简体</source>
        <translation>簡體(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Traditional 繁體</source>
        <translation>繁體(&amp;T)</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Script</source>
        <translation>字形</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Annotators shown</source>
        <translation>顯示的標註者(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Shift+arrows</source>
        <translation>Shift+方向鍵</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select text with the keyboard</source>
        <translation>用鍵盤選擇文字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Click a span (again)</source>
        <translation>單擊片段（再次單擊）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select it (the next one out, where spans nest)</source>
        <translation>選中該片段（片段巢狀時選中外面一層）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Tag the selection (or retag the selected span) as {tag}</source>
        <translation>將所選文字標註為「{tag}」（或將所選片段改標為該標籤）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>After Shift+R: join the two spans as “{type}”</source>
        <translation>按 Shift+R 之後:以「{type}」連線兩個標註</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../agreementdialog.py" line="+33" />
        <source>document</source>
        <extracomment>One row per ... (the value passed to project_agreement, shown translated)</extracomment>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>tag group</source>
        <translation>標籤組</translation>
    </message>
    <message>
        <location line="+1" />
        <source>tag</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+141" />
        <source>overall</source>
        <translation>總體</translation>
    </message>
    <message>
        <location line="-140" />
        <source>relation type</source>
        <translation>關係類型</translation>
    </message>
    <message>
        <location line="+2" />
        <source>it needs the spans of at least two annotators</source>
        <extracomment>the computation's refusals that the window words itself (by how the message begins)</extracomment>
        <translation>至少需要兩位標註者的標註片段</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Scope</source>
        <extracomment>the report's columns as the table heads them</extracomment>
        <translation>範圍</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units</source>
        <translation>單元數</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cohen's κ</source>
        <translation>Cohen κ 係數</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fleiss' κ</source>
        <translation>Fleiss κ 係數</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Krippendorff's α</source>
        <translation>Krippendorff α 係數</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unitizing αu</source>
        <translation>切分一致性 αu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F1 (exact)</source>
        <translation>F1（完全匹配）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F1 (overlap)</source>
        <translation>F1（重疊匹配）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Relations</source>
        <translation>關係</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Agreement</source>
        <translation>標註者間一致性</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+29" />
        <source>Computing…</source>
        <translation>正在計算…</translation>
    </message>
    <message>
        <location line="-23" />
        <source>One row per</source>
        <translation>每行統計一個</translation>
    </message>
    <message numerus="yes">
        <location line="+41" />
        <source>Computing… {done} of %Ln document(s)</source>
        <translation>
            <numerusform>正在計算… 已完成 {done} / %Ln 篇文件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16" />
        <source>Cannot compute agreement: {message}</source>
        <translation>無法計算一致性：{message}</translation>
    </message>
    <message>
        <location line="+27" />
        <source>{annotators} · uncoded text counts as a category · red: below {low} · Enter or double-click opens the disagreements</source>
        <translation>{annotators} · 未標註文字計為一個類別 · 紅色：低於 {low} · 按 Enter 或雙擊檢視分歧</translation>
    </message>
    <message>
        <location line="+12" />
        <source>{name}: no spans of their own</source>
        <translation>{name}：沒有自己的標註</translation>
    </message>
</context>
<context>
    <name>AnnotateAll</name>
    <message>
        <location filename="../annotateall.py" line="+29" />
        <source>Select a span first (click it, or Tab to it).</source>
        <extracomment>The corpus queue lists at most this many occurrences (the first ones in corpus order).</extracomment>
        <translation>請先選中一個片段（單擊它，或用 Tab 鍵移到它）。</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Every occurrence of “{text}” in the corpus is already tagged {tag}.</source>
        <translation>語料庫中所有「{text}」均已標註為「{tag}」。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every occurrence of “{text}” in this document is already tagged {tag}.</source>
        <translation>本文件中所有「{text}」均已標註為「{tag}」。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Annotate all occurrences</source>
        <translation>標註所有相同文字</translation>
    </message>
    <message>
        <location line="+9" />
        <source>in %n document(s)</source>
        <translation>在 %n 篇文件中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%n untagged occurrence(s) of “{text}” {where} → {tag}</source>
        <translation>「{text}」{where}有 %n 處未標註 → {tag}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%n untagged occurrence(s) of “{text}” → {tag}</source>
        <translation>「{text}」有 %n 處未標註 → {tag}</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Tagged %n occurrence(s); Ctrl+Z takes them all back.</source>
        <translation>已標註 %n 處；按 Ctrl+Z 可全部復原。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tagged %n occurrence(s), {others} in other documents; Ctrl+Z takes them all back.</source>
        <translation>已標註 %n 處，涉及其他 {others} 篇文件；按 Ctrl+Z 可全部復原。</translation>
    </message>
    <message>
        <location line="-20" />
        <source> (only the first {max} are listed)</source>
        <translation>（僅列出前 {max} 處）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Untick (Space) the ones to leave; OK adds the rest as one undo step.</source>
        <translation>取消勾選（空格鍵）不需要標註的各處；點選「確定」後其餘各處一併標註，可一次復原。</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../panel.py" line="+98" />
        <source>Filter spans…</source>
        <translation>篩選片段…</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../workboard.py" line="+197" />
        <source>Assign documents</source>
        <translation>分配文件</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Assign %n document(s) to:</source>
        <translation>
            <numerusform>將 %n 篇文件分配給：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>and others (names, comma-separated)</source>
        <translation>及其他人（姓名，以逗號分隔）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Each document goes to exactly the people checked; one undo takes it back.</source>
        <translation>每篇文件恰好分配給勾選的人；復原一次即可全部收回。</translation>
    </message>
</context>
<context>
    <name>ConsistencyDialog</name>
    <message>
        <location filename="../consistencydialog.py" line="+25" />
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offset</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Detail</source>
        <translation>詳情</translation>
    </message>
    <message>
        <location line="+2" />
        <source>tagged differently</source>
        <extracomment>annotator.review.consistency.KINDS, as the window names them</extracomment>
        <translation>標籤不同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>missed elsewhere</source>
        <translation>他處漏標</translation>
    </message>
    <message>
        <location line="+1" />
        <source>cuts a word</source>
        <translation>切斷詞語</translation>
    </message>
    <message>
        <location line="+1" />
        <source>related differently</source>
        <translation>關係類型不同</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%n tagged differently</source>
        <extracomment>the same, counted ("2 tagged differently"; English's forms of "cut(s)" are made by hand in tools/make_translations.py)</extracomment>
        <translation>%n 處標籤不同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%n missed elsewhere</source>
        <translation>%n 處他處漏標</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%n cut(s) a word</source>
        <translation>%n 處切斷詞語</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%n related differently</source>
        <translation>%n 處關係類型不同</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Consistency</source>
        <translation>標註前後一致性</translation>
    </message>
    <message>
        <location line="-14" />
        <source>, </source>
        <comment>list separator</comment>
        <translation>，</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%n finding(s): {counts}</source>
        <translation>共發現 %n 處問題：{counts}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%n finding(s)</source>
        <translation>共發現 %n 處問題</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../i18n.py" line="+168" />
        <source>HH:mm</source>
        <extracomment>QLocale date formats: a time today, a day this year, a day of another year</extracomment>
        <translation>HH:mm</translation>
    </message>
    <message>
        <location line="+0" />
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <location line="+1" />
        <source>d MMM yyyy HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../dialogs.py" line="+38" />
        <source>annotator projects ({patterns});;All files (*)</source>
        <translation>annotator 專案 ({patterns});;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+3" />
        <source>{name} is already open.</source>
        <translation>{name} 已經開啟。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Open project</source>
        <translation>開啟專案</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+5" />
        <source>New project</source>
        <translation>新增專案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start with the demo corpus (five articles)?</source>
        <translation>是否載入範例語料（五篇文章）？</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Import files</source>
        <translation>匯入檔案</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Texts and datasets ({patterns});;All files (*)</source>
        <translation>文字和資料集 ({patterns});;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Merge annotators' work</source>
        <translation>合併其他標註者的成果</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Projects and exports ({patterns});;All files (*)</source>
        <translation>專案和匯出檔案 ({patterns});;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+59" />
        <source>annotator</source>
        <translation>標註者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reviewer</source>
        <translation>審閱者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Annotators shown</source>
        <translation>顯示的標註者</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Keyboard shortcuts</source>
        <translation>快捷鍵一覽</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Does</source>
        <translation>功能</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <location filename="../docks.py" line="+22" />
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Annotations</source>
        <translation>標註</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Review</source>
        <translation>審閱</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Guidelines</source>
        <translation>標註規範</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../doclist.py" line="+40" />
        <source>Mine</source>
        <extracomment>Rows measured to size the columns: the default (1,000) costs 0.2 s on a big project. the model's columns as shown: title, status, who is here, open threads, spans, who is assigned, then date, source and script</extracomment>
        <translation>我的</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Filter documents…</source>
        <translation>篩選文件…</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Assign to…</source>
        <translation>分配給…</translation>
    </message>
    <message numerus="yes">
        <location line="+45" />
        <source>Mine (%n)</source>
        <translation>
            <numerusform>我的（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>All (%n)</source>
        <translation>
            <numerusform>全部（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DropHandler</name>
    <message>
        <location filename="../dropping.py" line="+107" />
        <source>this project</source>
        <translation>本專案</translation>
    </message>
    <message>
        <location line="+50" />
        <source>Drop</source>
        <translation>拖放</translation>
    </message>
</context>
<context>
    <name>Dropping</name>
    <message>
        <location line="-102" />
        <source>Only files can be dropped here.</source>
        <translation>這裡只能拖放檔案。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{url} is not a file on this computer; only local files can be dropped here.</source>
        <translation>{url} 不是本機上的檔案；這裡只能拖放本地檔案。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{path} was not found.</source>
        <translation>找不到 {path}。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{project} is a project and {other} is not: drop a project alone to open it, or files and folders to import them.</source>
        <translation>{project} 是專案檔案，而 {other} 不是：單獨拖入一個專案即可開啟它，拖入檔案和資料夾則匯入它們。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Drop one project at a time ({first}, {second}…).</source>
        <translation>一次只能拖入一個專案（{first}、{second}…）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Drop to open {project}.</source>
        <translation>鬆開滑鼠即可開啟 {project}。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{name} cannot be imported: drop texts (.txt), web pages (.html), JSON, TEI (.xml) or brat (.ann) files, or folders of them.</source>
        <translation>{name} 無法匯入：請拖入文字 (.txt)、網頁 (.html)、JSON、TEI (.xml) 或 brat (.ann) 檔案，或包含這些檔案的資料夾。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{project} is read-only ({why}); nothing can be imported into it.</source>
        <translation>{project} 為唯讀（{why}），無法向其中匯入內容。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Drop to import %n item(s) into {project}.</source>
        <translation>鬆開滑鼠即可將 %n 項匯入 {project}。</translation>
    </message>
    <message>
        <location line="+76" />
        <source>No documents yet. Drop texts, web pages, JSON or TEI files (or folders of them) here to import them, or use File → Import files… ({keys}).</source>
        <translation>還沒有文件。把文字、網頁、JSON 或 TEI 檔案（或包含它們的資料夾）拖到這裡即可匯入，也可以使用「檔案 → 匯入檔案…」（{keys}）。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../exportdialog.py" line="+35" />
        <source>TEI P5 stand-off (lossless)</source>
        <translation>TEI P5 外置標註（無損）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>TEI P5 inline (one layer per file)</source>
        <translation>TEI P5 內嵌標註（每個檔案一層）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>JSON (annotator dataset, lossless)</source>
        <translation>JSON（annotator 資料集，無損）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>JSONL + manifest (large corpora, lossless)</source>
        <translation>JSONL + 清單（適合大型語料庫，無損）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <location line="+1" />
        <source>brat standoff (a folder: .txt + .ann per document)</source>
        <translation>brat 標註格式（一個資料夾：每篇文件一個 .txt 和一個 .ann）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CoNLL character BIO</source>
        <translation>CoNLL 字元級 BIO</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CSV of spans (spreadsheets)</source>
        <translation>片段 CSV（電子表格）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1" />
        <source>accepted in review</source>
        <translation>審閱中已接受的</translation>
    </message>
    <message>
        <location line="+1" />
        <source>gold</source>
        <translation>金標準</translation>
    </message>
    <message>
        <location line="+7" />
        <source>exported %n document(s) as {format} to {files}</source>
        <translation>已將 %n 篇文件以 {format} 格式匯出到 {files}</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+75" />
        <location line="+21" />
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <location line="-77" />
        <source>e.g. 80/10/10 (empty: no split)</source>
        <translation>例如 80/10/10（留空則不劃分）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location line="+23" />
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Annotators</source>
        <translation>標註者(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Review status</source>
        <translation>審閱狀態(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tag &amp;groups</source>
        <translation>標籤組(&amp;G)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Split by document</source>
        <translation>按文件劃分(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Split s&amp;eed</source>
        <translation>劃分隨機種子(&amp;E)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Save to</source>
        <translation>儲存到(&amp;S)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Export to</source>
        <translation>匯出到</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
</context>
<context>
    <name>FileTask</name>
    <message>
        <location filename="../importdialog.py" line="+41" />
        <source>{rate} files/s</source>
        <translation>每秒 {rate} 個檔案</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{time} in all</source>
        <translation>共用時 {time}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{time} left</source>
        <translation>剩餘 {time}</translation>
    </message>
    <message>
        <location line="-15" />
        <source>%Ln document(s)</source>
        <extracomment>work(store, progress(done, total, documents or -1), cancelled) -&gt; (detail lines, errors, headline of the summary)</extracomment>
        <translation>%Ln 篇文件</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{done} of %Ln file(s)</source>
        <translation>{done} / %Ln 個檔案</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Cancelled: %Ln document(s) imported from {done} of {total} files (each whole); the other files were not read: import them again to add them (documents already there are skipped)</source>
        <translation>已取消：從 {total} 個檔案中的 {done} 個匯入了 %Ln 篇文件（每篇均完整匯入）；其餘檔案未讀取，再次匯入即可補上（已有的文件會被跳過）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>{done} of %n file(s) done</source>
        <translation>已完成 {done} / %n 個檔案</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Cancelling: storing the documents read so far ({documents})…</source>
        <translation>正在取消：儲存已讀取的文件（{documents} 篇）…</translation>
    </message>
    <message>
        <location line="+28" />
        <source>{title} failed</source>
        <translation>{title}失敗</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Nothing can be imported: the project is read-only here ({why}).</source>
        <translation>無法匯入：專案在此為唯讀（{why}）。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Import annotations</source>
        <translation>匯入標註</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Whose annotations are in these doccano/brat files?</source>
        <translation>這些 doccano/brat 檔案中的標註屬於哪位標註者？</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Merge</source>
        <translation>合併</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../findbar.py" line="+20" />
        <source>Find (简/繁 alike)…</source>
        <translation>尋找（簡繁通查）…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Previous match (Shift+F3)</source>
        <translation>上一個匹配（Shift+F3）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next match (F3, Enter)</source>
        <translation>下一個匹配（F3、Enter）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <location line="+56" />
        <source>no match</source>
        <translation>無匹配</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../firstrun.py" line="+69" />
        <source>Tag with one key</source>
        <translation>一鍵標註</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Select text with Shift+arrows or the mouse, then press a tag's key. With a span selected, a tag key changes its tag.</source>
        <translation>用 Shift+方向鍵或滑鼠選擇文字，再按標籤對應的鍵。選中片段時按標籤鍵，則更改該片段的標籤。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Move between spans and resize them</source>
        <translation>在片段間移動並調整範圍</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The selected span is drawn bold; its edges move one character at a time.</source>
        <translation>選中的片段以粗體顯示；其邊界每次移動一個字元。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Next / previous span</source>
        <translation>下一個 / 上一個片段</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Move the span's start left / right</source>
        <translation>片段起點左移 / 右移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Move the span's end left / right</source>
        <translation>片段終點左移 / 右移</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete the selected span</source>
        <translation>刪除選中的片段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clear the selection</source>
        <translation>取消選擇</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Undo anything</source>
        <translation>一切皆可復原</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Every edit is stored the moment you make it: there is no Save button. Undo reaches back across documents and restarts.</source>
        <translation>每次編輯都會立即儲存，無需「儲存」按鈕。復原可以跨文件進行，重啟程式後依然有效。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestions</source>
        <translation>標註建議</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Terms already tagged elsewhere are underlined with dots. They become annotations only when you accept them.</source>
        <translation>在別處已標註過的詞語會加上點狀底線。只有在您接受後，它們才會成為標註。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Next / previous suggestion</source>
        <translation>下一條 / 上一條建議</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accept the suggestion at the caret</source>
        <translation>接受游標處的建議</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject it</source>
        <translation>拒絕該建議</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Accept every suggestion in the document</source>
        <translation>接受本文件中的全部建議</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Review, search and the rest</source>
        <translation>審閱、搜尋及其他</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Review walks through where annotators disagree; search looks through the whole corpus, simplified and traditional alike.</source>
        <translation>審閱功能逐一列出標註者之間的分歧；搜尋功能可檢索整個語料庫，簡繁通查。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Review disagreements</source>
        <translation>審閱分歧</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search the corpus</source>
        <translation>搜尋語料庫</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find in this document</source>
        <translation>在本文件中尋找</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next / previous document</source>
        <translation>下一篇 / 上一篇文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every shortcut, any time</source>
        <translation>隨時檢視全部快捷鍵</translation>
    </message>
    <message>
        <location line="+71" />
        <source>Keyboard tour · {n} of {total}</source>
        <translation>鍵盤操作導覽 · 第 {n} 頁，共 {total} 頁</translation>
    </message>
    <message>
        <location line="+216" />
        <source>The project could not be created: {error}</source>
        <translation>無法建立專案：{error}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location line="-102" />
        <location line="+6" />
        <source>Welcome to annotator</source>
        <translation>歡迎使用 annotator</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tag actors, mechanisms and threats in Chinese texts, review each other's work and export datasets. First, who is annotating?</source>
        <translation>在中文文字中標註行為體、機制與威脅，相互審閱標註成果，並匯出資料集。首先，請問標註者是誰？</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your name or id</source>
        <translation>您的姓名或代號</translation>
    </message>
    <message>
        <location line="+3" />
        <source>It is recorded on every annotation you make, so reviewers can tell annotators apart.</source>
        <translation>它會記錄在您所做的每條標註上，以便審閱者區分不同的標註者。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Your project</source>
        <translation>您的專案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start with the &amp;demo corpus (5 sample articles)</source>
        <translation>載入範例語料（5 篇範例文章）(&amp;D)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start with an &amp;empty project</source>
        <translation>從空專案開始(&amp;E)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>It is opened from:</source>
        <translation>專案開啟位置：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>It is saved at:</source>
        <translation>專案儲存位置：</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Every edit is saved there as you make it. File → New project and File → Open project make and open others; drop files on the window to import them.</source>
        <translation>每次編輯都會立即儲存到該處。使用「檔案 → 新增專案」和「檔案 → 開啟專案」可以建立和開啟其他專案；把檔案拖到視窗上即可匯入。</translation>
    </message>
    <message>
        <location line="-45" />
        <source>&amp;Start annotating</source>
        <translation>開始標註(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enter or → next · ← back · Esc skips the tour</source>
        <translation>Enter 或 → 下一頁 · ← 上一頁 · Esc 跳過導覽</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skip tour</source>
        <translation>跳過導覽</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Guidelines</name>
    <message>
        <location filename="../guidelines.py" line="+48" />
        <source>Examples: {terms}</source>
        <translation>範例：{terms}</translation>
    </message>
    <message>
        <location line="+141" />
        <source>Guidelines version {n} saved; new spans record it.</source>
        <translation>已儲存第 {n} 版標註規範；此後新增的片段都會記錄該版本。</translation>
    </message>
</context>
<context>
    <name>GuidelinesDialog</name>
    <message>
        <location line="-66" />
        <source>Edit guidelines</source>
        <translation>編輯標註規範</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Markdown. Saving makes a new version; spans made from then on record it, and exports carry every version.</source>
        <translation>使用 Markdown 格式。每次儲存生成一個新版本；此後新增的片段記錄該版本，匯出時包含所有版本。</translation>
    </message>
</context>
<context>
    <name>GuidelinesPane</name>
    <message>
        <location line="-66" />
        <source>Edit guidelines…</source>
        <translation>編輯標註規範…</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Select a span, or point at a tag in the palette, to see its definition here.</source>
        <translation>選中一個片段，或將滑鼠指向標籤面板中的某個標籤，即可在此檢視其定義。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>key</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Examples</source>
        <translation>範例</translation>
    </message>
    <message>
        <location line="+11" />
        <source>No project guidelines yet.</source>
        <translation>本專案尚無標註規範。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Version {n} · {author} · {when}</source>
        <translation>第 {n} 版 · {author} · {when}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../panel.py" line="-61" />
        <location line="+23" />
        <source>No span selected</source>
        <translation>未選中片段</translation>
    </message>
    <message>
        <location line="-22" />
        <source>e.g. 赵克志 for 趙克志 / Zhao Kezhi</source>
        <translation>例如：將 趙克志 規範為 赵克志</translation>
    </message>
    <message>
        <location line="+7" />
        <source>note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Normalized &amp;name</source>
        <translation>規範名稱(&amp;N)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Certainty</source>
        <translation>確定程度(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>N&amp;ote</source>
        <translation>備註(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../i18n.py" line="-110" />
        <source>Follow the &amp;system</source>
        <extracomment>the tagset's label language for each interface language View → Language: each language by its own name, as language menus do</extracomment>
        <translation>跟隨系統(&amp;S)</translation>
    </message>
    <message>
        <location line="+145" />
        <source>&amp;Language</source>
        <translation>介面語言(&amp;L)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Show the interface in this language</source>
        <translation>以此語言顯示介面</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window.py" line="+127" />
        <source>Annotator: {name}</source>
        <translation>標註者：{name}</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Opened {title} in {ms:.0f} ms</source>
        <translation>已開啟《{title}》，用時 {ms:.0f} 毫秒</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Select some text first, then press a tag key.</source>
        <translation>請先選擇文字，再按標籤鍵。</translation>
    </message>
    <message>
        <location line="+131" />
        <source>Saved {time}</source>
        <translation>已儲存 {time}</translation>
    </message>
    <message>
        <location filename="../people.py" line="+34" />
        <source>&amp;All annotators</source>
        <translation>全部標註者(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only &amp;mine</source>
        <translation>僅我的標註(&amp;M)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only {name}</source>
        <translation>僅 {name}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Choose annotators…</source>
        <translation>選擇標註者(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../actions.py" line="-105" />
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>S&amp;uggestions</source>
        <translation>建議(&amp;U)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Document</source>
        <translation>文件(&amp;D)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Tags</source>
        <translation>標籤(&amp;T)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../models.py" line="+25" />
        <source>to do</source>
        <translation>待標註</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in review</source>
        <translation>審閱中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reviewed</source>
        <translation>已審閱</translation>
    </message>
    <message>
        <location line="+1" />
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1" />
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1" />
        <source>normalized: {value}</source>
        <translation>規範名稱：{value}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>certainty: {value}</source>
        <translation>確定程度：{value}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>note: {value}</source>
        <translation>備註：{value}</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Document {n} of {total} · %n span(s) · {status}</source>
        <translation>第 {n} 篇，共 {total} 篇 · %n 個片段 · {status}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>by {annotator}</source>
        <translation>標註者：{annotator}</translation>
    </message>
    <message>
        <location line="+94" />
        <source>Title</source>
        <extracomment>rows whose filter text is made per idle turn of the event loop (~10 ms) the wait before the first slice (the first paint of a big project goes first) the pace of the reads while a team project's server is gone (the reconnect's)</extracomment>
        <translation>標題</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Script</source>
        <translation>字形</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Spans</source>
        <translation>片段數</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Team</source>
        <translation>分工</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Here</source>
        <translation>線上</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Threads</source>
        <translation>討論</translation>
    </message>
    <message>
        <location line="+223" />
        <source>{title}
{id} · %Ln character(s)</source>
        <extracomment>the team's columns of a row (qt.workboard): my status, the spans I may see, who is assigned, who is here, open threads; None: the document's own</extracomment>
        <translation>{title}
{id} · %Ln 個字元</translation>
    </message>
    <message>
        <location filename="../spanmodel.py" line="+41" />
        <source>Text</source>
        <extracomment>reading order, the order of the span index</extracomment>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Tag</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annotator</source>
        <translation>標註者</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Normalized</source>
        <translation>規範名稱</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Certainty</source>
        <translation>確定程度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Note</source>
        <translation>備註</translation>
    </message>
</context>
<context>
    <name>OpenTeamDialog</name>
    <message>
        <location filename="../team.py" line="+77" />
        <source>Open team project</source>
        <translation>開啟團隊專案</translation>
    </message>
    <message>
        <location line="+8" />
        <source>from ~/.pgpass, or none</source>
        <translation>取自 ~/.pgpass，或無需密碼</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You work as the PostgreSQL role in the address; the password, if you type one, is never stored.</source>
        <translation>您以地址中的 PostgreSQL 角色身份工作；輸入的密碼不會被儲存。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password:</source>
        <translation>密碼：</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <location filename="../firstrun.py" line="-74" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一頁(&amp;B)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+33" />
        <source>&amp;Next &gt;</source>
        <translation>下一頁(&amp;N) &gt;</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../progressview.py" line="+86" />
        <source>Active hours: the time between edits, pauses over ten minutes left out. Agreement: over the documents both of a pair have marked done.</source>
        <translation>活躍時長：相鄰兩次編輯之間的時間，超過十分鐘的停頓不計。一致性：按每對標註者都已標為完成的文件計算。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Computing…</source>
        <translation>正在計算…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Cannot compute the progress: {error}</source>
        <translation>無法計算進度：{error}</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>%n 位標註者</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16" />
        <source>Export team progress as CSV</source>
        <translation>將團隊進度匯出為 CSV</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{path}: cannot export: {reason}</source>
        <translation>{path}：無法匯出：{reason}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Exported {path}</source>
        <translation>已匯出 {path}</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location line="-123" />
        <source>Team progress</source>
        <translation>團隊進度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annotator</source>
        <translation>標註者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Spans</source>
        <translation>片段數</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active hours</source>
        <translation>活躍時長（小時）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done with others</source>
        <translation>與他人共同完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agreement α</source>
        <translation>一致性 α</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Span F1</source>
        <translation>片段 F1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pair</source>
        <translation>標註者對</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents done by both</source>
        <translation>雙方都已完成的文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cohen's κ</source>
        <translation>Cohen κ 係數</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Krippendorff's α</source>
        <translation>Krippendorff α 係數</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F1 exact</source>
        <translation>F1（完全匹配）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F1 overlap</source>
        <translation>F1（重疊匹配）</translation>
    </message>
</context>
<context>
    <name>Recent</name>
    <message>
        <location filename="../recent.py" line="+74" />
        <location line="+7" />
        <source>&amp;{n}  {name}  —  {folder}</source>
        <translation>&amp;{n}  {name}  —  {folder}</translation>
    </message>
    <message>
        <location line="+23" />
        <source>{entry}  (not found)</source>
        <translation>{entry}  （找不到）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No recent projects</source>
        <translation>沒有最近的專案</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Clear recent projects</source>
        <translation>清除最近的專案(&amp;C)</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Open recent project</source>
        <translation>開啟最近的專案</translation>
    </message>
    <message>
        <location line="+0" />
        <source>{path} is no longer there; it has been removed from the recent projects.</source>
        <translation>{path} 已不存在，已將其從最近的專案中移除。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Recent projects cleared.</source>
        <translation>已清除最近的專案。</translation>
    </message>
</context>
<context>
    <name>Recommenders</name>
    <message>
        <location filename="../recommenders.py" line="+54" />
        <source>lexicon</source>
        <translation>詞表</translation>
    </message>
    <message>
        <location line="+1" />
        <source>sequence model (CRF)</source>
        <translation>序列模型（CRF）</translation>
    </message>
    <message>
        <location line="+109" />
        <source>The {recommender} was not evaluated: it needs at least two documents in its training layer.</source>
        <translation>{recommender}未經評估：其訓練層至少需要兩篇文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The {recommender} makes no suggestions: its F1 on held-out documents is {f1:.3f}, below the project's threshold of {limit:.2f}.</source>
        <translation>{recommender}不提供建議：它在留出文件上的 F1 為 {f1:.3f}，低於專案閾值 {limit:.2f}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The {recommender} suggests: its F1 on held-out documents is {f1:.3f} (threshold {limit:.2f}).</source>
        <translation>{recommender}提供建議：它在留出文件上的 F1 為 {f1:.3f}（閾值 {limit:.2f}）。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Nothing to learn from yet: the project has no gold layer and you have no spans.</source>
        <translation>尚無可供學習的內容：專案沒有金標準層，您也還沒有標註。</translation>
    </message>
    <message>
        <location line="+112" />
        <source>Minimum score: {score:.2f}</source>
        <extracomment>how long a worker thread may hold Python's interpreter lock before the GUI thread gets it back (Python's default is 5 ms): predicting a long document on a worker thread must not make a key wait for several such turns</extracomment>
        <translation>最低分數：{score:.2f}</translation>
    </message>
    <message>
        <location line="+40" />
        <source>A project in memory cannot train recommenders.</source>
        <translation>記憶體中的專案無法訓練推薦器。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No recommenders are trained for this project yet (Suggestions → Train recommenders).</source>
        <translation>本專案尚未訓練推薦器（建議 → 訓練推薦器）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Recommenders</source>
        <translation>推薦器</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{recommender}, score {score:.2f}</source>
        <translation>{recommender}，分數 {score:.2f}</translation>
    </message>
</context>
<context>
    <name>Relating</name>
    <message>
        <location filename="../relating.py" line="+131" />
        <source>Relation removed (Ctrl+Z brings it back).</source>
        <translation>關係已刪除(Ctrl+Z 可恢復)。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>No other relation type may join these two spans.</source>
        <translation>沒有其他關係類型可以連線這兩個片段。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Relation type changed (Ctrl+Z changes it back).</source>
        <translation>關係類型已更改（Ctrl+Z 可改回）。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The selected span has no relations.</source>
        <translation>所選標註沒有關係。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The tagset declares no relation types.</source>
        <translation>標籤集未定義關係類型。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Select a span first (Tab), then press Shift+R.</source>
        <translation>請先選擇一個標註(Tab),再按 Shift+R。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A relation joins spans of one annotator: this span is {name}'s.</source>
        <translation>關係只能連線同一標註者的標註:此標註屬於 {name}。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No span in this document may be related to this one.</source>
        <translation>本文件中沒有可與此標註建立關係的標註。</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Relate 「{start}」 to 「{picked}」 ({n} of {total}): Tab/Shift+Tab another span, {keys} or Enter to choose, Esc to cancel.</source>
        <translation>將「{start}」關聯到「{picked}」(第 {n} 個,共 {total} 個):Tab/Shift+Tab 換一個標註,{keys} 或 Enter 選擇類型,Esc 取消。</translation>
    </message>
    <message>
        <location line="+30" />
        <source>「{type}」 cannot join {a} and {b}; Enter lists what can.</source>
        <translation>「{type}」不能連線{a}和{b};按 Enter 列出可用的類型。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Related: 「{a}」 {type} 「{b}」. Shift+R goes on from 「{c}」.</source>
        <translation>已關聯:「{a}」{type}「{b}」。按 Shift+R 從「{c}」繼續。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>No relation made.</source>
        <translation>未建立關係。</translation>
    </message>
    <message>
        <location line="+42" />
        <source>A relation is being made: Esc cancels it (Del deletes nothing meanwhile).</source>
        <translation>正在建立關係：按 Esc 鍵取消（此時刪除鍵不刪除任何內容）。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No relation may join that to 「{start}」; click a span the list of targets offers (Tab).</source>
        <translation>沒有關係可以把它與「{start}」連線;請點選可選目標中的標註(Tab)。</translation>
    </message>
</context>
<context>
    <name>RelationList</name>
    <message>
        <location filename="../relationlist.py" line="+50" />
        <source>Relations</source>
        <translation>關係</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enter: go to the other end · F2: change its type · Delete: remove the relation</source>
        <translation>回車鍵:轉到另一端 · F2鍵:更改類型 · 刪除鍵:刪除關係</translation>
    </message>
    <message>
        <location line="+49" />
        <source>&amp;Go to the other end</source>
        <translation>跳到另一端(&amp;G)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Change type…</source>
        <translation>更改類型(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Delete relation</source>
        <translation>刪除關係(&amp;D)</translation>
    </message>
    <message>
        <location line="-45" />
        <source>No relations. Shift+R starts one from the selected span.</source>
        <translation>沒有關係。按 Shift+R 從所選標註開始一個關係。</translation>
    </message>
</context>
<context>
    <name>RelationStats</name>
    <message>
        <location filename="../relationstats.py" line="+30" />
        <source>Relations</source>
        <translation>關係</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Click a link to list its places; Enter or double-click opens one.</source>
        <translation>單擊一條連線即可列出其出處；按 Enter 或雙擊開啟。</translation>
    </message>
    <message>
        <location line="+20" />
        <location line="+22" />
        <source>Computing…</source>
        <translation>正在計算…</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Cannot compute the relations: {error}</source>
        <translation>無法統計關係：{error}</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%n relation(s)</source>
        <translation>%n 個關係</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%n chain(s) actor → mechanism → threat</source>
        <translation>%n 條 行為體 → 機制 → 威脅 鏈</translation>
    </message>
    <message>
        <location line="+23" />
        <source>{source} → {target}: %n link(s)</source>
        <translation>{source} → {target}：%n 條連線</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Export the network as {format}</source>
        <translation>將關係網路匯出為 {format}</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <location filename="../relmenu.py" line="+25" />
        <source>{key}{name} (from the picked span)</source>
        <translation>{key}{name}(由所選目標出發)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Relation type</source>
        <translation>關係類型</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Change the relation's type</source>
        <translation>更改關係類型</translation>
    </message>
    <message>
        <location line="-40" />
        <source>{name} (turned round)</source>
        <translation>{name}（方向反轉）</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../review.py" line="+66" />
        <source>Blind annotation: review this document once you have marked it done.</source>
        <extracomment>text colours for what only one annotator marked (Okabe–Ito, colour-blind safe, dark)</extracomment>
        <translation>盲標：請先將此文件標為已完成，再進行審閱。</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Cannot accept this relation: {reason}</source>
        <translation>無法接受此關係：{reason}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>{name} is reviewing this document (since {since}): your decisions wait until they leave it.</source>
        <translation>{name} 正在審閱此文件（自 {since} 起）：待其離開後，您才能提交審閱決定。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Saved: {what}. Open cases left in this document: {left}.</source>
        <translation>已儲存：{what}。本文件尚餘 {left} 個待裁決案例。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../reviewpanel.py" line="+34" />
        <source>only one annotator marked it</source>
        <extracomment>annotator.review.cases.KIND_LABELS and decisions, as the panel names them</extracomment>
        <translation>僅一位標註者標註</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not every annotator marked it</source>
        <translation>並非所有標註者都標註了</translation>
    </message>
    <message>
        <location line="+1" />
        <source>boundaries differ</source>
        <translation>邊界不同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>tags differ</source>
        <translation>標籤不同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>attributes differ</source>
        <translation>屬性不同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>all agree</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <location line="+3" />
        <source>relation: only one annotator drew it</source>
        <extracomment>annotator.review.relcases.KINDS, as the panel names them</extracomment>
        <translation>關係：僅一位標註者標註</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relation: not every annotator drew it</source>
        <translation>關係：並非所有標註者都標註了</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relation: types differ</source>
        <translation>關係：類型不同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relation: ends differ</source>
        <translation>關係：端點不同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>relation: all agree</source>
        <translation>關係：完全一致</translation>
    </message>
    <message>
        <location line="+2" />
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1" />
        <source>accepted with edits</source>
        <translation>修改後接受</translation>
    </message>
    <message>
        <location line="+1" />
        <source>rejected</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Case</source>
        <translation>分歧</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Annotator</source>
        <translation>標註者</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reviewer's note (optional)</source>
        <translation>審閱意見（可選）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Text only one annotator marked is shown in their colour</source>
        <translation>只有一位標註者標註的文字以該標註者的顏色顯示</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accept (Enter)</source>
        <translation>接受（Enter）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject (Del)</source>
        <translation>拒絕（Del）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accept all unanimous (Ctrl+Enter)</source>
        <translation>接受全部一致項（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Compare:</source>
        <translation>比較：</translation>
    </message>
    <message>
        <location line="+60" />
        <source>■ only {name}</source>
        <extracomment>the discussion threads on a case's spans (set by the window) relation type id -&gt; (its name, directed); set by the window</extracomment>
        <translation>■ 僅 {name}</translation>
    </message>
    <message numerus="yes">
        <location line="+36" />
        <source>{open} open of %n case(s)</source>
        <translation>
            <numerusform>共 %n 個案例，{open} 個待處理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10" />
        <source>%n open thread(s)</source>
        <translation>
            <numerusform>%n 個未解決的討論</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../safety.py" line="+83" />
        <source>Project in use</source>
        <translation>專案正在使用中</translation>
    </message>
    <message>
        <location line="+0" />
        <source>{name} is already open for editing by {holder}.

Open it read-only? You can read, search and export; edits are off until the other window closes it.</source>
        <translation>{name} 已由 {holder} 開啟編輯。

以唯讀方式開啟嗎？您可以閱讀、搜尋和匯出；在另一個視窗關閉它之前無法編輯。</translation>
    </message>
    <message>
        <location filename="../lockwatch.py" line="+37" />
        <source>{who} (process {pid} on {host}, since {since})</source>
        <translation>{who}（{host} 上的程序 {pid}，自 {since} 起）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>another program</source>
        <translation>另一個程式</translation>
    </message>
    <message>
        <location line="+4" />
        <source>open for editing by {holder}</source>
        <translation>已由 {holder} 開啟編輯</translation>
    </message>
    <message>
        <location line="+47" />
        <source>&lt;b&gt;Read-only&lt;/b&gt; — {who} has closed the project. &lt;a href="{link}"&gt;Edit it here&lt;/a&gt; (edits stay off until you do).</source>
        <translation>&lt;b&gt;唯讀&lt;/b&gt; — {who} 已關閉此專案。&lt;a href="{link}"&gt;在此編輯&lt;/a&gt;（在此之前仍無法編輯）。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>{who} opened the project for editing first.</source>
        <translation>{who} 已先開啟此專案進行編輯。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>You are editing {name} now.</source>
        <translation>現在由你編輯 {name}。</translation>
    </message>
    <message>
        <location filename="../safety.py" line="+11" />
        <location line="+4" />
        <source>Damaged project</source>
        <translation>專案已損壞</translation>
    </message>
    <message>
        <location line="+0" />
        <source>{name} is damaged: {problem}

Restore the latest backup (taken {taken})? The damaged file is kept in {folder}; nothing is deleted.</source>
        <translation>{name} 已損壞：{problem}

要恢復最新的備份（備份於 {taken}）嗎？損壞的檔案將保留在 {folder} 中，不會刪除任何內容。</translation>
    </message>
    <message>
        <location line="+53" />
        <source>&lt;b&gt;Upgraded&lt;/b&gt; to this version of annotator: {notes}.</source>
        <translation>&lt;b&gt;已升級&lt;/b&gt;到此版本的 annotator：{notes}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;Read-only&lt;/b&gt; — {why}. Reading, searching and exporting work; edits are off.</source>
        <translation>&lt;b&gt;唯讀&lt;/b&gt; — {why}。可以閱讀、搜尋和匯出，但無法編輯。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>the file is damaged ({problem}); File → Restore from backup</source>
        <translation>檔案已損壞（{problem}）；請使用「檔案 → 從備份恢復」</translation>
    </message>
    <message>
        <location line="+58" />
        <location line="+31" />
        <source>Backed up to {where}</source>
        <translation>已備份到 {where}</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Back up</source>
        <translation>備份</translation>
    </message>
    <message>
        <location line="+14" />
        <source>This project has no backups yet.</source>
        <translation>本專案還沒有備份。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The project is read-only here: restore it from the window that edits it.</source>
        <translation>專案在此視窗中為唯讀：請在編輯它的視窗中恢復。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Restore from backup</source>
        <translation>從備份恢復</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Put this backup in place of the project (the current file is kept):</source>
        <translation>用此備份替換當前專案（當前檔案會被保留）：</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Restore</source>
        <translation>恢復</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Restored {backup}; the replaced file is {aside}</source>
        <translation>已恢復 {backup}；被替換的檔案儲存為 {aside}</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Something went wrong: {error}

Every edit you saw happen is stored; this one may not have been.</source>
        <translation>出現錯誤：{error}

您看到已生效的每次編輯都已儲存；剛才這一次可能沒有儲存。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../searchpanel.py" line="+51" />
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Left</source>
        <translation>左文</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Right</source>
        <translation>右文</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tag</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gold</source>
        <translation>金標準</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Any tag</source>
        <translation>任意標籤</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All {group}</source>
        <translation>全部{group}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Any annotator</source>
        <translation>任意標註者</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Any status</source>
        <translation>任意狀態</translation>
    </message>
    <message>
        <location line="+19" />
        <source>first %n span(s), counting…</source>
        <translation>前 %n 個片段，正在計數…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>first %n span(s)</source>
        <translation>前 %n 個片段</translation>
    </message>
    <message>
        <location line="+2" />
        <source>first %n match(es), counting…</source>
        <translation>前 %n 處匹配，正在計數…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>first %n match(es)</source>
        <translation>前 %n 處匹配</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no matches</source>
        <translation>無匹配</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{shown} of %n span(s)</source>
        <translation>%n 個片段中的 {shown} 個</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{shown} of %n match(es)</source>
        <translation>%n 處匹配中的 {shown} 處</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%n span(s)</source>
        <translation>%n 個片段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%n match(es)</source>
        <translation>%n 處匹配</translation>
    </message>
    <message>
        <location line="+100" />
        <source>Search the corpus (简/繁 alike)…</source>
        <translation>搜尋語料庫（簡繁通查）…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Only spans with this tag, or a tag of this group</source>
        <translation>僅限帶有此標籤（或此標籤組中標籤）的片段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only spans by this annotator</source>
        <translation>僅限此標註者的片段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only spans accepted in review, or gold</source>
        <translation>僅限審閱中已接受的片段或金標準片段</translation>
    </message>
    <message>
        <location line="+2" />
        <source>normalized name, e.g. 赵克志</source>
        <translation>規範名稱，例如 赵克志</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only spans with this normalized name (简/繁 alike); Enter</source>
        <translation>僅限具有此規範名稱的片段（簡繁通查）；按 Enter 搜尋</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Order of the hits: by place, or by the word before or after the hit</source>
        <translation>命中的排序：按位置，或按命中前後的詞語</translation>
    </message>
    <message>
        <location line="+2" />
        <source>By place</source>
        <translation>按位置</translation>
    </message>
    <message>
        <location line="+0" />
        <source>By the word before</source>
        <translation>按前一個詞</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By the word after</source>
        <translation>按後一個詞</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../statsview.py" line="+56" />
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annotators</source>
        <translation>標註者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Progress</source>
        <translation>進度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Actors × Threats</source>
        <translation>行為體 × 威脅</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Actors × Mechanisms</source>
        <translation>行為體 × 機制</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+115" />
        <source>Timeline</source>
        <translation>時間線</translation>
    </message>
    <message>
        <location line="-114" />
        <source>Names</source>
        <translation>規範名稱</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sentence</source>
        <extracomment>the choices of the unit and timeline combos: (shown, translated where shown; value)</extracomment>
        <translation>句子</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By year</source>
        <translation>按年</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Click a cell or a bar to list the places behind it; Enter or double-click opens one.</source>
        <extracomment>the chart languages, each by its own name (as language menus do)</extracomment>
        <translation>單擊熱圖的單元格或條形，即可在此列出其對應的位置；按 Enter 或雙擊開啟其中一處。</translation>
    </message>
    <message>
        <location filename="../statscaption.py" line="+17" />
        <source>{tag}: %n span(s)</source>
        <translation>{tag}：%n 個片段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{row} × {column}: %n sentence(s) with both</source>
        <translation>{row} × {column}：%n 個句子同時含有二者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{row} × {column}: %n paragraph(s) with both</source>
        <translation>{row} × {column}：%n 個段落同時含有二者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{tag} in {period}: %n span(s)</source>
        <translation>{tag}（{period}）：%n 個片段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{name} ({group}): %n span(s)</source>
        <translation>{name}（{group}）：%n 個片段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{annotator} · {group}: %n span(s)</source>
        <translation>{annotator} · {group}：%n 個片段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{measure} · {status}: %n document(s)</source>
        <translation>{measure} · {status}：%n 篇文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{title}: %n span(s)</source>
        <translation>{title}：%n 個片段</translation>
    </message>
    <message numerus="yes">
        <location filename="../statsview.py" line="+202" />
        <source>%n span(s) in {documents} · {ms} ms</source>
        <translation>
            <numerusform>{documents}，%n 個片段 · {ms} 毫秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48" />
        <source>the first %n place(s)</source>
        <translation>
            <numerusform>僅列出前 %n 處</numerusform>
        </translation>
    </message>
    <message>
        <location line="-242" />
        <source>All annotators</source>
        <translation>全部標註者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gold layer</source>
        <translation>金標準層</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annotator: {name}</source>
        <translation>標註者：{name}</translation>
    </message>
    <message>
        <location filename="../relationstats.py" line="-90" />
        <location filename="../statsview.py" line="+35" />
        <source>Export {format}…</source>
        <translation>匯出 {format}…</translation>
    </message>
    <message>
        <location filename="../statsview.py" line="+20" />
        <source>Statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+58" />
        <source>Computing…</source>
        <translation>正在計算…</translation>
    </message>
    <message>
        <location line="-39" />
        <source>Layer</source>
        <translation>圖層</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Co-occurrence in</source>
        <translation>共現單位</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Chart labels</source>
        <translation>圖表文字</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Computing… {percent} %</source>
        <translation>正在計算… {percent}%</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Cannot compute the statistics: {error}</source>
        <translation>無法計算統計資料：{error}</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Enter or double-click opens one</source>
        <translation>按 Enter 或雙擊開啟</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Export {chart} as {format}</source>
        <translation>將「{chart}」匯出為 {format}</translation>
    </message>
    <message>
        <location filename="../relationstats.py" line="+105" />
        <location filename="../statsview.py" line="+17" />
        <source>{path}: cannot export: {reason}</source>
        <translation>{path}：無法匯出：{reason}</translation>
    </message>
    <message>
        <location filename="../statsview.py" line="+3" />
        <source>Exported {path}</source>
        <translation>已匯出 {path}</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../statusbar.py" line="+139" />
        <source>原</source>
        <extracomment>pixels between the end of a message and the first permanent widget pixels on each side of a permanent widget's text a steady label narrows when its text needs less than this share of its width the script view's mark: the text as imported, simplified, traditional</extracomment>
        <translation>原</translation>
    </message>
    <message>
        <location line="+1" />
        <source>简</source>
        <translation>簡</translation>
    </message>
    <message>
        <location line="+1" />
        <source>繁</source>
        <translation>繁</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Script view: {view} (Ctrl+T or a click: original → simplified → traditional)</source>
        <translation>字形檢視：{view}（Ctrl+T 或點一下切換：原文 → 簡體 → 繁體）</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../suggestions.py" line="+40" />
        <source>A accept · U reject · Shift+A accept all in document · N/P next/previous</source>
        <translation>A 接受 · U 拒絕 · Shift+A 接受本文件全部建議 · N/P 下一條/上一條</translation>
    </message>
    <message>
        <location line="+192" />
        <source>tagged so {k} of %n time(s)</source>
        <translation>%n 次中有 {k} 次如此標註</translation>
    </message>
    <message>
        <location line="+2" />
        <source>a term listed in the tagset</source>
        <translation>標籤集中列出的詞語</translation>
    </message>
    <message>
        <location line="-8" />
        <location line="+9" />
        <source>Suggestion: {tag} ({basis})</source>
        <translation>建議：{tag}（{basis}）</translation>
    </message>
    <message>
        <location line="-154" />
        <source>Suggestions are off: {error} (they are prepared again when the project is opened again)</source>
        <translation>建議已關閉：{error}（重新開啟專案時會重新準備）</translation>
    </message>
    <message>
        <location line="+181" />
        <source>Suggestions are hidden (Suggestions → Show suggestions).</source>
        <translation>建議已隱藏（建議 → 顯示建議）。</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+51" />
        <source>No suggestions in this document.</source>
        <translation>本文件中沒有建議。</translation>
    </message>
    <message>
        <location line="-45" />
        <source>Suggestion: {text} → {tag}   ({hint})</source>
        <translation>建議：{text} → {tag}　（{hint}）</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+20" />
        <source>Put the caret on a suggestion first (N).</source>
        <translation>請先將游標移到一條建議上（N）。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Accepted %n suggestion(s); Ctrl+Z takes them all back.</source>
        <translation>已接受 %n 條建議；按 Ctrl+Z 可全部復原。</translation>
    </message>
</context>
<context>
    <name>TagPalette</name>
    <message>
        <location filename="../palette.py" line="+34" />
        <source>Filter tags…</source>
        <translation>篩選標籤…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Tag</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Key</source>
        <translation>按鍵</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <location filename="../team.py" line="-33" />
        <source>{db} on {host} (as {user})</source>
        <extracomment>the banner's line while a window's team project has lost its server colleagues' edits in other documents than the open one: their list rows are read again together, at most this long after the first of them (see :func:`_rows_later`)</extracomment>
        <translation>{db}（{host}，身份 {user}）</translation>
    </message>
    <message>
        <location line="+49" />
        <source>{address}: not a team project address (postgresql://USER@HOST/DATABASE)</source>
        <translation>{address}：不是團隊專案地址（postgresql://使用者@主機/資料庫）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Open team project</source>
        <translation>開啟團隊專案</translation>
    </message>
    <message>
        <location line="+116" />
        <source>Live updates are off: {reason}</source>
        <translation>即時更新已關閉：{reason}</translation>
    </message>
    <message>
        <location line="+108" />
        <source>&lt;b&gt;The connection to the server is lost&lt;/b&gt; ({when}) — reconnecting… Everything shown is stored; edits are off until the server is back.</source>
        <translation>&lt;b&gt;與伺服器的連線已斷開&lt;/b&gt;（{when}）— 正在重新連線…… 所顯示的內容均已儲存；伺服器恢復之前無法編輯。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Connected to the server again.</source>
        <translation>已重新連線到伺服器。</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <location filename="../threads.py" line="+108" />
        <source>Write a comment… (Enter)</source>
        <translation>寫評論…（按 Enter）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>New thread</source>
        <translation>新討論</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reply</source>
        <translation>回覆</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+67" />
        <source>Resolve</source>
        <translation>標為已解決</translation>
    </message>
    <message>
        <location line="-66" />
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location line="+28" />
        <source>open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <location line="+0" />
        <source>resolved by {name}</source>
        <translation>已由 {name} 解決</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Reopen</source>
        <translation>重新開啟</translation>
    </message>
</context>
<context>
    <name>Threads</name>
    <message>
        <location line="+68" />
        <source>Edit comment</source>
        <translation>編輯評論</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Comment:</source>
        <translation>評論：</translation>
    </message>
    <message>
        <location line="+36" />
        <source>the document</source>
        <extracomment>the open document's threads and comments as last read: (doc id, threads, comments)</extracomment>
        <translation>整篇文件</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{text} (span deleted)</source>
        <translation>{text}（片段已刪除）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Notes on “{text}”</source>
        <translation>關於「{text}」的討論</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Notes on this document (select a span for its own)</source>
        <translation>本文件的討論（選中片段可檢視該片段的討論）</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No open thread.</source>
        <translation>沒有未解決的討論。</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <location filename="../firstrun.py" line="+22" />
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Enter or → next · ← back · Esc closes</source>
        <translation>Enter 或 → 下一頁 · ← 上一頁 · Esc 關閉</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keyboard tour</source>
        <translation>鍵盤操作導覽</translation>
    </message>
</context>
<context>
    <name>TrainTask</name>
    <message>
        <location filename="../recommenders.py" line="-154" />
        <source>Training the recommenders…</source>
        <translation>正在訓練推薦器…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Train recommenders</source>
        <translation>訓練推薦器</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Training cancelled: the recommenders are as they were.</source>
        <translation>訓練已取消：推薦器保持原樣。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A project in memory keeps no trained recommenders.</source>
        <translation>記憶體中的專案不儲存訓練好的推薦器。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Recommenders trained on the layer {layer}: {verdicts}</source>
        <translation>推薦器已在 {layer} 層上訓練：{verdicts}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Measuring on held-out documents…</source>
        <translation>正在留出文件上評估…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reading the training layer…</source>
        <translation>正在讀取訓練層…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Training the sequence model…</source>
        <translation>正在訓練序列模型…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Training the recommenders in the background: {step}</source>
        <translation>正在後臺訓練推薦器：{step}</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Training failed</source>
        <translation>訓練失敗</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../undo.py" line="-44" />
        <source>tag {what}</source>
        <extracomment>a command's name in the Edit menu by its kind, outside English (the journal stores the English label); {what} is the text the label names, if any</extracomment>
        <translation>標註 {what}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>delete span</source>
        <translation>刪除片段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>change tag to {what}</source>
        <translation>更改標籤為 {what}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>resize span</source>
        <translation>調整片段範圍</translation>
    </message>
    <message>
        <location line="+1" />
        <source>edit attributes</source>
        <translation>編輯屬性</translation>
    </message>
    <message>
        <location line="+1" />
        <source>tag several spans</source>
        <translation>批次標註</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reject suggestion {what}</source>
        <translation>拒絕建議 {what}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>review decision</source>
        <translation>審閱裁定</translation>
    </message>
    <message>
        <location line="+1" />
        <source>status: {what}</source>
        <translation>狀態：{what}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>assign documents</source>
        <translation>分配文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>comment {what}</source>
        <translation>評論 {what}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>edit comment</source>
        <translation>編輯評論</translation>
    </message>
    <message>
        <location line="+1" />
        <source>delete comment</source>
        <translation>刪除評論</translation>
    </message>
    <message>
        <location line="+1" />
        <source>resolve thread</source>
        <translation>將討論標為已解決</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reopen thread</source>
        <translation>重新開啟討論</translation>
    </message>
    <message>
        <location line="+1" />
        <source>add relation ({what})</source>
        <translation>新增關係({what})</translation>
    </message>
    <message>
        <location line="+1" />
        <source>delete relation</source>
        <translation>刪除關係</translation>
    </message>
    <message>
        <location line="+50" />
        <source>Cannot undo “{what}”: it was changed since (by someone else, or in another window); nothing was changed.</source>
        <translation>無法復原「{what}」：此後它已被更改（由其他人，或在另一個視窗中）；未做任何更改。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cannot redo “{what}”: it was changed since (by someone else, or in another window); nothing was changed.</source>
        <translation>無法重做「{what}」：此後它已被更改（由其他人，或在另一個視窗中）；未做任何更改。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Undone: {what}</source>
        <translation>已復原：{what}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Redone: {what}</source>
        <translation>已重做：{what}</translation>
    </message>
</context>
<context>
    <name>Workboard</name>
    <message>
        <location filename="../workboard.py" line="+18" />
        <source>Only reviewers assign documents.</source>
        <translation>只有審閱者可以分配文件。</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Blind annotation is on: annotators see only their own layer of a document until they mark it done.</source>
        <translation>盲標已開啟：標註者在將文件標為已完成之前，只能看到自己的標註層。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Blind annotation is off.</source>
        <translation>盲標已關閉。</translation>
    </message>
    <message>
        <location line="+13" />
        <source> · blind: only your layer until you mark it {done}</source>
        <translation> · 盲標：標為「{done}」之前只顯示您的標註層</translation>
    </message>
</context>
</TS>
