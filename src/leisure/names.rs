//! The names of the countries in the Penn World Table extract, in the reader's
//! language. English is the data's own name; Chinese is the common name used in
//! mainland China (通用中文国名). ISO codes never change with the language.

use crate::i18n::Lang;

/// The Chinese name of each country in `assets/pwt1001-hours-productivity.csv`.
/// Country names are data, like the CSV's English names, so they live here beside
/// the data rather than as 69 catalogue messages; a test checks that every country
/// of the table has one.
const ZH: &[(&str, &str)] = &[
    ("ARG", "阿根廷"),
    ("AUS", "澳大利亚"),
    ("AUT", "奥地利"),
    ("BEL", "比利时"),
    ("BGD", "孟加拉国"),
    ("BGR", "保加利亚"),
    ("BRA", "巴西"),
    ("CAN", "加拿大"),
    ("CHE", "瑞士"),
    ("CHL", "智利"),
    ("CHN", "中国"),
    ("COL", "哥伦比亚"),
    ("CRI", "哥斯达黎加"),
    ("CYP", "塞浦路斯"),
    ("CZE", "捷克"),
    ("DEU", "德国"),
    ("DNK", "丹麦"),
    ("DOM", "多米尼加"),
    ("ECU", "厄瓜多尔"),
    ("ESP", "西班牙"),
    ("EST", "爱沙尼亚"),
    ("FIN", "芬兰"),
    ("FRA", "法国"),
    ("GBR", "英国"),
    ("GRC", "希腊"),
    ("HKG", "中国香港"),
    ("HRV", "克罗地亚"),
    ("HUN", "匈牙利"),
    ("IDN", "印度尼西亚"),
    ("IND", "印度"),
    ("IRL", "爱尔兰"),
    ("ISL", "冰岛"),
    ("ISR", "以色列"),
    ("ITA", "意大利"),
    ("JAM", "牙买加"),
    ("JPN", "日本"),
    ("KHM", "柬埔寨"),
    ("KOR", "韩国"),
    ("LKA", "斯里兰卡"),
    ("LTU", "立陶宛"),
    ("LUX", "卢森堡"),
    ("LVA", "拉脱维亚"),
    ("MEX", "墨西哥"),
    ("MLT", "马耳他"),
    ("MMR", "缅甸"),
    ("MYS", "马来西亚"),
    ("NLD", "荷兰"),
    ("NOR", "挪威"),
    ("NZL", "新西兰"),
    ("PAK", "巴基斯坦"),
    ("PER", "秘鲁"),
    ("PHL", "菲律宾"),
    ("POL", "波兰"),
    ("PRT", "葡萄牙"),
    ("ROU", "罗马尼亚"),
    ("RUS", "俄罗斯"),
    ("SGP", "新加坡"),
    ("SVK", "斯洛伐克"),
    ("SVN", "斯洛文尼亚"),
    ("SWE", "瑞典"),
    ("THA", "泰国"),
    ("TTO", "特立尼达和多巴哥"),
    ("TUR", "土耳其"),
    ("TWN", "中国台湾"),
    ("URY", "乌拉圭"),
    ("USA", "美国"),
    ("VEN", "委内瑞拉"),
    ("VNM", "越南"),
    ("ZAF", "南非"),
];

/// The name of the country `code` in `lang`; `data_name` (the CSV's) in English
/// and for a code the table lacks.
#[must_use]
pub fn country_name(lang: Lang, code: &str, data_name: &str) -> String {
    match lang {
        Lang::En => data_name.to_string(),
        Lang::ZhCn => ZH
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map_or_else(|| data_name.to_string(), |(_, n)| (*n).to_string()),
    }
}

/// The code of the first country (by code) whose Chinese name `matches`.
pub fn code_where(matches: impl Fn(&str) -> bool) -> Option<&'static str> {
    ZH.iter().find(|(_, n)| matches(n)).map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_of_the_table_has_a_chinese_name() {
        let all = super::super::data::countries();
        for c in all.values() {
            let zh = country_name(Lang::ZhCn, &c.code, &c.name);
            assert_ne!(zh, c.name, "{} lacks a Chinese name", c.code);
            assert!(!zh.is_ascii(), "{}: {zh}", c.code);
        }
        assert_eq!(ZH.len(), all.len(), "no name for a country the data lacks");
        assert_eq!(country_name(Lang::ZhCn, "KOR", "Republic of Korea"), "韩国");
        assert_eq!(
            country_name(Lang::En, "KOR", "Republic of Korea"),
            "Republic of Korea"
        );
    }
}
