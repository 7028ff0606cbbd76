//! The word lists in `data/quotes/`, loaded once.

use std::sync::LazyLock;

use crate::tables::{entries, pairs};
pub use crate::tables::{FastMap, FastSet};

fn load_pairs(file: &str, src: &str) -> Vec<(String, String)> {
    pairs(file, src)
        .unwrap_or_else(|e| panic!("bad rule table: {e}"))
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Every inflected form of every speech verb, lower-cased.
pub static SPEECH_VERBS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    let mut out = FastSet::default();
    for (_, line) in entries(include_str!("../../data/quotes/speech_verbs.txt")) {
        let mut words = line.split_whitespace();
        let Some(lemma) = words.next() else { continue };
        let lemma = lemma.to_lowercase();
        for f in inflections(&lemma) {
            out.insert(f);
        }
        for w in words {
            out.insert(w.to_lowercase());
        }
        out.insert(lemma);
    }
    out
});

/// Regular English inflections (-s, -ed, -ing). Over-generation is harmless: a form that is
/// not a word never matches.
fn inflections(lemma: &str) -> Vec<String> {
    let mut v = Vec::with_capacity(6);
    let last = lemma.chars().last().unwrap_or(' ');
    let sib = lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z');
    v.push(if sib {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    });
    if last == 'e' {
        let stem = &lemma[..lemma.len() - 1];
        v.push(format!("{lemma}d"));
        v.push(format!("{stem}ing"));
    } else if last == 'y'
        && !lemma.ends_with("ay")
        && !lemma.ends_with("ey")
        && !lemma.ends_with("oy")
    {
        let stem = &lemma[..lemma.len() - 1];
        v.push(format!("{stem}ied"));
        v.push(format!("{stem}ies"));
        v.push(format!("{lemma}ing"));
    } else {
        v.push(format!("{lemma}ed"));
        v.push(format!("{lemma}ing"));
        // Short closed syllables double their consonant: "slam" -> "slammed".
        let b = lemma.as_bytes();
        let n = b.len();
        if n >= 3
            && is_cons(b[n - 1])
            && !is_vowel(b[n - 3])
            && is_vowel(b[n - 2])
            && !matches!(b[n - 1], b'w' | b'x' | b'y')
        {
            let c = b[n - 1] as char;
            v.push(format!("{lemma}{c}ed"));
            v.push(format!("{lemma}{c}ing"));
        }
    }
    v
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_cons(b: u8) -> bool {
    b.is_ascii_lowercase() && !is_vowel(b)
}

/// Multi-word cues as lower-case word sequences.
pub static CUE_PHRASES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    entries(include_str!("../../data/quotes/cue_phrases.txt"))
        .map(|(_, l)| l.split_whitespace().map(|w| w.to_lowercase()).collect())
        .collect()
});

/// Subject pronoun -> 'M', 'F', 'P' (group) or 'S' (writer/first or second person).
pub static PRONOUNS: LazyLock<FastMap<String, char>> = LazyLock::new(|| {
    load_pairs(
        "quotes/pronouns.tsv",
        include_str!("../../data/quotes/pronouns.tsv"),
    )
    .into_iter()
    .filter_map(|(p, g)| g.chars().next().map(|g| (p.to_lowercase(), g)))
    .collect()
});

/// Honorific -> implied gender ('M', 'F' or '-').
pub static HONORIFICS: LazyLock<FastMap<String, char>> = LazyLock::new(|| {
    load_pairs(
        "quotes/honorifics.tsv",
        include_str!("../../data/quotes/honorifics.tsv"),
    )
    .into_iter()
    .filter_map(|(p, g)| g.chars().next().map(|g| (p, g)))
    .collect()
});

pub static NOT_NAMES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/quotes/not_names.txt"))
        .map(|(_, l)| l.trim().to_string())
        .collect()
});

pub static NOMINAL_HEADS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/quotes/nominal_heads.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});

/// Lower-case word sequences that mark the quote after them as a scare quote or a name.
pub static SCARE_BEFORE: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    entries(include_str!("../../data/quotes/scare_before.txt"))
        .map(|(_, l)| l.split_whitespace().map(|w| w.to_lowercase()).collect())
        .collect()
});

pub static TITLE_BEFORE: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/quotes/title_before.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});

pub fn is_speech_verb(word: &str) -> bool {
    if word.len() > 16 {
        return false;
    }
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return SPEECH_VERBS.contains(word);
    }
    // Lower-case ASCII on the stack: this runs on every word of every article.
    let mut buf = [0u8; 16];
    if word.is_ascii() {
        for (d, b) in buf.iter_mut().zip(word.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..word.len()]).is_ok_and(|l| SPEECH_VERBS.contains(l));
    }
    SPEECH_VERBS.contains(&word.to_lowercase())
}

/// The honorific a token is ("Mr", "Mr.", "Sen."), with its gender cue.
pub fn honorific(word: &str) -> Option<char> {
    HONORIFICS.get(word.trim_end_matches('.')).copied()
}

pub fn pronoun(word: &str) -> Option<char> {
    if word.len() > 4 {
        return None;
    }
    PRONOUNS.get(&word.to_lowercase()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_inflect() {
        for w in [
            "said",
            "says",
            "told",
            "added",
            "warned",
            "insisted",
            "acknowledged",
            "tweeted",
            "slammed",
            "denied",
            "noting",
            "wrote",
        ] {
            assert!(is_speech_verb(w), "{w}");
        }
        assert!(!is_speech_verb("table"));
    }

    #[test]
    fn small_tables_load() {
        assert_eq!(pronoun("She"), Some('F'));
        assert_eq!(honorific("Mrs."), Some('F'));
        assert_eq!(honorific("Sen."), Some('-'));
        assert!(NOT_NAMES.contains("However"));
        assert!(NOMINAL_HEADS.contains("spokesman"));
        assert!(CUE_PHRASES.iter().any(|p| p == &["according", "to"]));
    }
}
