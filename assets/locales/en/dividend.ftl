# otium, the leisure dividend: its views, inputs, assumptions and caveats.
# Every key here is also in zh-CN/dividend.ftl and named by code in src/.
