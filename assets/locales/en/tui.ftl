# otium, the terminal interface: tabs, views, help overlay, forms, status line.
# Every key here is also in zh-CN/tui.ftl and named by code in src/.
