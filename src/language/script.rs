//! Which writing system a character belongs to, by Unicode block. A script that only one
//! supported language uses (Greek, Hangul, Thai, ...) decides the language by itself; the others
//! (Latin, Cyrillic, Arabic, Devanagari) leave it to the n-gram model.

/// A script the detector tells apart. `Other` covers characters of no listed script (Han
/// ideographs are `Han`; digits and punctuation are not counted at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    Latin,
    Cyrillic,
    Arabic,
    Devanagari,
    Greek,
    Armenian,
    Hebrew,
    Thaana,
    Bengali,
    Gurmukhi,
    Gujarati,
    Oriya,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Sinhala,
    Thai,
    Lao,
    Tibetan,
    Myanmar,
    Georgian,
    Hangul,
    Ethiopic,
    Khmer,
    Kana,
    Han,
    Other,
}

/// Number of `Script` values (for counting arrays).
pub const COUNT: usize = Script::Other as usize + 1;

impl Script {
    /// The model group that scores this script's languages (`None`: decided by the script).
    pub fn group(self) -> Option<u8> {
        match self {
            Script::Latin => Some(0),
            Script::Cyrillic => Some(1),
            Script::Arabic => Some(2),
            Script::Devanagari => Some(3),
            _ => None,
        }
    }

    /// The language a script alone identifies (ISO 639-1), for scripts with one language here.
    pub fn language(self) -> Option<&'static str> {
        Some(match self {
            Script::Greek => "el",
            Script::Armenian => "hy",
            Script::Hebrew => "he",
            Script::Thaana => "dv",
            Script::Bengali => "bn",
            Script::Gurmukhi => "pa",
            Script::Gujarati => "gu",
            Script::Oriya => "or",
            Script::Tamil => "ta",
            Script::Telugu => "te",
            Script::Kannada => "kn",
            Script::Malayalam => "ml",
            Script::Sinhala => "si",
            Script::Thai => "th",
            Script::Lao => "lo",
            Script::Tibetan => "bo",
            Script::Myanmar => "my",
            Script::Georgian => "ka",
            Script::Hangul => "ko",
            Script::Ethiopic => "am",
            Script::Khmer => "km",
            Script::Kana => "ja",
            Script::Han => "zh",
            _ => return None,
        })
    }
}

/// The script of a word character (see `features::is_word_char`).
pub fn of(c: char) -> Script {
    let u = c as u32;
    match u {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF | 0x250..=0x2AF => Script::Latin,
        0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
            Script::Latin
        }
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x530..=0x58F => Script::Armenian,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x780..=0x7BF => Script::Thaana,
        0x900..=0x97F | 0xA8E0..=0xA8FF => Script::Devanagari,
        0x980..=0x9FF => Script::Bengali,
        0xA00..=0xA7F => Script::Gurmukhi,
        0xA80..=0xAFF => Script::Gujarati,
        0xB00..=0xB7F => Script::Oriya,
        0xB80..=0xBFF => Script::Tamil,
        0xC00..=0xC7F => Script::Telugu,
        0xC80..=0xCFF => Script::Kannada,
        0xD00..=0xD7F => Script::Malayalam,
        0xD80..=0xDFF => Script::Sinhala,
        0xE00..=0xE7F => Script::Thai,
        0xE80..=0xEFF => Script::Lao,
        0xF00..=0xFFF => Script::Tibetan,
        0x1000..=0x109F => Script::Myanmar,
        0x10A0..=0x10FF | 0x2D00..=0x2D2F | 0x1C90..=0x1CBF => Script::Georgian,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF | 0xA960..=0xA97F => Script::Hangul,
        0x1200..=0x139F | 0x2D80..=0x2DDF => Script::Ethiopic,
        0x1780..=0x17FF => Script::Khmer,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => Script::Han,
        _ => Script::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_letters() {
        assert_eq!(of('a'), Script::Latin);
        assert_eq!(of('ő'), Script::Latin);
        assert_eq!(of('ệ'), Script::Latin);
        assert_eq!(of('ж'), Script::Cyrillic);
        assert_eq!(of('ع'), Script::Arabic);
        assert_eq!(of('क'), Script::Devanagari);
        assert_eq!(of('ა'), Script::Georgian);
        assert_eq!(of('한'), Script::Hangul);
        assert_eq!(of('の'), Script::Kana);
        assert_eq!(of('中'), Script::Han);
        assert_eq!(of('ሰ'), Script::Ethiopic);
        assert_eq!(Script::Latin.group(), Some(0));
        assert_eq!(Script::Thai.language(), Some("th"));
        assert_eq!(Script::Latin.language(), None);
    }
}
