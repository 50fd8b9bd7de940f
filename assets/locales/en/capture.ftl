# otium, capture verbs: start, stop, add, edit, rm, undo, continue, cancel, log, projects, tags, project, output, away.
# Every key here is also in zh-CN/capture.ftl and named by code in src/.
