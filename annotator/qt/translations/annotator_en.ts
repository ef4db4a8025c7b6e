<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>AgreementDialog</name>
    <message numerus="yes">
      <source>Computing… {done} of %Ln document(s)</source>
      <translation>
        <numerusform>Computing… {done} of %Ln document</numerusform>
        <numerusform>Computing… {done} of %Ln documents</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AnnotateAll</name>
    <message numerus="yes">
      <source>in %n document(s)</source>
      <translation>
        <numerusform>in %n document</numerusform>
        <numerusform>in %n documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n untagged occurrence(s) of “{text}” {where} → {tag}</source>
      <translation>
        <numerusform>%n untagged occurrence of “{text}” {where} → {tag}</numerusform>
        <numerusform>%n untagged occurrences of “{text}” {where} → {tag}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n untagged occurrence(s) of “{text}” → {tag}</source>
      <translation>
        <numerusform>%n untagged occurrence of “{text}” → {tag}</numerusform>
        <numerusform>%n untagged occurrences of “{text}” → {tag}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Tagged %n occurrence(s); Ctrl+Z takes them all back.</source>
      <translation>
        <numerusform>Tagged %n occurrence; Ctrl+Z takes them all back.</numerusform>
        <numerusform>Tagged %n occurrences; Ctrl+Z takes them all back.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Tagged %n occurrence(s), {others} in other documents; Ctrl+Z takes them all back.</source>
      <translation>
        <numerusform>Tagged %n occurrence, {others} in other documents; Ctrl+Z takes them all back.</numerusform>
        <numerusform>Tagged %n occurrences, {others} in other documents; Ctrl+Z takes them all back.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AssignDialog</name>
    <message numerus="yes">
      <source>Assign %n document(s) to:</source>
      <translation>
        <numerusform>Assign %n document to:</numerusform>
        <numerusform>Assign %n documents to:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ConsistencyDialog</name>
    <message numerus="yes">
      <source>%n tagged differently</source>
      <translation>
        <numerusform>%n tagged differently</numerusform>
        <numerusform>%n tagged differently</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n missed elsewhere</source>
      <translation>
        <numerusform>%n missed elsewhere</numerusform>
        <numerusform>%n missed elsewhere</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cut(s) a word</source>
      <translation>
        <numerusform>%n cuts a word</numerusform>
        <numerusform>%n cut a word</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n related differently</source>
      <translation>
        <numerusform>%n related differently</numerusform>
        <numerusform>%n related differently</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n finding(s): {counts}</source>
      <translation>
        <numerusform>%n finding: {counts}</numerusform>
        <numerusform>%n findings: {counts}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n finding(s)</source>
      <translation>
        <numerusform>%n finding</numerusform>
        <numerusform>%n findings</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DocumentList</name>
    <message numerus="yes">
      <source>Mine (%n)</source>
      <translation>
        <numerusform>Mine (%n)</numerusform>
        <numerusform>Mine (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>All (%n)</source>
      <translation>
        <numerusform>All (%n)</numerusform>
        <numerusform>All (%n)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Dropping</name>
    <message numerus="yes">
      <source>Drop to import %n item(s) into {project}.</source>
      <translation>
        <numerusform>Drop to import %n item into {project}.</numerusform>
        <numerusform>Drop to import %n items into {project}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <source>exported %n document(s) as {format} to {files}</source>
      <translation>
        <numerusform>exported %n document as {format} to {files}</numerusform>
        <numerusform>exported %n documents as {format} to {files}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FileTask</name>
    <message numerus="yes">
      <source>%Ln document(s)</source>
      <translation>
        <numerusform>%Ln document</numerusform>
        <numerusform>%Ln documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{done} of %Ln file(s)</source>
      <translation>
        <numerusform>{done} of %Ln file</numerusform>
        <numerusform>{done} of %Ln files</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancelled: %Ln document(s) imported from {done} of {total} files (each whole); the other files were not read: import them again to add them (documents already there are skipped)</source>
      <translation>
        <numerusform>Cancelled: %Ln document imported from {done} of {total} files (each whole); the other files were not read: import them again to add them (documents already there are skipped)</numerusform>
        <numerusform>Cancelled: %Ln documents imported from {done} of {total} files (each whole); the other files were not read: import them again to add them (documents already there are skipped)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{done} of %n file(s) done</source>
      <translation>
        <numerusform>{done} of %n file done</numerusform>
        <numerusform>{done} of %n files done</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Models</name>
    <message numerus="yes">
      <source>Document {n} of {total} · %n span(s) · {status}</source>
      <translation>
        <numerusform>Document {n} of {total} · %n span · {status}</numerusform>
        <numerusform>Document {n} of {total} · %n spans · {status}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{title}
{id} · %Ln character(s)</source>
      <translation>
        <numerusform>{title}
{id} · %Ln character</numerusform>
        <numerusform>{title}
{id} · %Ln characters</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ProgressPage</name>
    <message numerus="yes">
      <source>%n annotator(s)</source>
      <translation>
        <numerusform>%n annotator</numerusform>
        <numerusform>%n annotators</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RelationStats</name>
    <message numerus="yes">
      <source>%n relation(s)</source>
      <translation>
        <numerusform>%n relation</numerusform>
        <numerusform>%n relations</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n chain(s) actor → mechanism → threat</source>
      <translation>
        <numerusform>%n chain actor → mechanism → threat</numerusform>
        <numerusform>%n chains actor → mechanism → threat</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{source} → {target}: %n link(s)</source>
      <translation>
        <numerusform>{source} → {target}: %n link</numerusform>
        <numerusform>{source} → {target}: %n links</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReviewPanel</name>
    <message numerus="yes">
      <source>{open} open of %n case(s)</source>
      <translation>
        <numerusform>{open} open of %n case</numerusform>
        <numerusform>{open} open of %n cases</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n open thread(s)</source>
      <translation>
        <numerusform>%n open thread</numerusform>
        <numerusform>%n open threads</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message numerus="yes">
      <source>first %n span(s), counting…</source>
      <translation>
        <numerusform>first %n span, counting…</numerusform>
        <numerusform>first %n spans, counting…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>first %n span(s)</source>
      <translation>
        <numerusform>first %n span</numerusform>
        <numerusform>first %n spans</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>first %n match(es), counting…</source>
      <translation>
        <numerusform>first %n match, counting…</numerusform>
        <numerusform>first %n matches, counting…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>first %n match(es)</source>
      <translation>
        <numerusform>first %n match</numerusform>
        <numerusform>first %n matches</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n span(s)</source>
      <translation>
        <numerusform>{shown} of %n span</numerusform>
        <numerusform>{shown} of %n spans</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n match(es)</source>
      <translation>
        <numerusform>{shown} of %n match</numerusform>
        <numerusform>{shown} of %n matches</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n span(s)</source>
      <translation>
        <numerusform>%n span</numerusform>
        <numerusform>%n spans</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n match(es)</source>
      <translation>
        <numerusform>%n match</numerusform>
        <numerusform>%n matches</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StatsView</name>
    <message numerus="yes">
      <source>{tag}: %n span(s)</source>
      <translation>
        <numerusform>{tag}: %n span</numerusform>
        <numerusform>{tag}: %n spans</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{row} × {column}: %n sentence(s) with both</source>
      <translation>
        <numerusform>{row} × {column}: %n sentence with both</numerusform>
        <numerusform>{row} × {column}: %n sentences with both</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{row} × {column}: %n paragraph(s) with both</source>
      <translation>
        <numerusform>{row} × {column}: %n paragraph with both</numerusform>
        <numerusform>{row} × {column}: %n paragraphs with both</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{tag} in {period}: %n span(s)</source>
      <translation>
        <numerusform>{tag} in {period}: %n span</numerusform>
        <numerusform>{tag} in {period}: %n spans</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{name} ({group}): %n span(s)</source>
      <translation>
        <numerusform>{name} ({group}): %n span</numerusform>
        <numerusform>{name} ({group}): %n spans</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{annotator} · {group}: %n span(s)</source>
      <translation>
        <numerusform>{annotator} · {group}: %n span</numerusform>
        <numerusform>{annotator} · {group}: %n spans</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{measure} · {status}: %n document(s)</source>
      <translation>
        <numerusform>{measure} · {status}: %n document</numerusform>
        <numerusform>{measure} · {status}: %n documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{title}: %n span(s)</source>
      <translation>
        <numerusform>{title}: %n span</numerusform>
        <numerusform>{title}: %n spans</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n span(s) in {documents} · {ms} ms</source>
      <translation>
        <numerusform>%n span in {documents} · {ms} ms</numerusform>
        <numerusform>%n spans in {documents} · {ms} ms</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s)</source>
      <translation>
        <numerusform>%n document</numerusform>
        <numerusform>%n documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>the first %n place(s)</source>
      <translation>
        <numerusform>the first %n place</numerusform>
        <numerusform>the first %n places</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Suggestions</name>
    <message numerus="yes">
      <source>tagged so {k} of %n time(s)</source>
      <translation>
        <numerusform>tagged so {k} of %n time</numerusform>
        <numerusform>tagged so {k} of %n times</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Accepted %n suggestion(s); Ctrl+Z takes them all back.</source>
      <translation>
        <numerusform>Accepted %n suggestion; Ctrl+Z takes them all back.</numerusform>
        <numerusform>Accepted %n suggestions; Ctrl+Z takes them all back.</numerusform>
      </translation>
    </message>
  </context>
</TS>
