//! What counts as an author's name: splitting "A, B and C", credentials, roles, and the
//! junk that never signs an article.

use super::super::hints::{
    BYLINE_JUNK, BYLINE_LABELS, BYLINE_PLACEHOLDERS, BYLINE_ROLES, ORG_WORDS,
};

/// Capitalised words, allowing the particles of names ("van", "de", "bin").
pub fn looks_like_name(s: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al", "y",
    ];
    // Called on every text node of a page: reject long text before splitting it.
    let first = s.trim_start().chars().next();
    if s.len() > 200 || !first.is_some_and(char::is_uppercase) {
        return false;
    }
    let n = s.split_whitespace().take(6).count();
    let words = || s.split_whitespace();
    // One word ("Category", "Price") is a filter label as often as a name; all capitals
    // ("COMPANY SIZE") is a heading.
    let shouting = words().all(|w| w.len() > 2 && w.chars().all(|c| !c.is_lowercase()));
    (2..=5).contains(&n)
        && !shouting
        && words()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(&w))
}

/// "A, B and C" / "A & B" / "A; B" into names; a credential after a comma stays with the
/// name before it ("Jane Doe, MD", "Ann Roe, Ph.D.").
pub fn split_names(s: &str) -> Vec<&str> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for piece in s.split([',', ';', '&', '|']) {
        let after_comma = start > 0 && s.get(start - 1..start) == Some(",");
        let mut sub_start = start;
        for (k, sub) in piece.split(" and ").enumerate() {
            let lead = sub.len() - sub.trim_start().len();
            let (a, b) = (sub_start + lead, sub_start + sub.trim_end().len());
            sub_start += sub.len() + " and ".len();
            if a >= b {
                continue;
            }
            let word = s.get(a..b).unwrap_or("");
            match out.last_mut() {
                Some(last) if k == 0 && after_comma && is_credential(word) => {
                    // "DVM." closing a sentence: the full stop is not part of it.
                    let one_dot = word.matches('.').count() == 1 && word.ends_with('.');
                    last.1 = if one_dot { b - 1 } else { b };
                }
                _ => out.push((a, b)),
            }
        }
        start += piece.len() + 1;
    }
    out.into_iter().filter_map(|(a, b)| s.get(a..b)).collect()
}

/// Degrees and post-nominals: "MD", "Ph.D.", "PhD", "DVM", "RN, MBA", "Jr.", "III".
fn is_credential(s: &str) -> bool {
    const MIXED: &[&str] = &[
        "phd", "msc", "bsc", "med", "edd", "psyd", "dphil", "mphil", "jr", "sr", "llm", "mbbs",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            let letters: String = w.chars().filter(|c| !".-".contains(*c)).collect();
            let caps = letters.chars().all(|c| c.is_ascii_uppercase());
            (2..=8).contains(&letters.len())
                && !w.contains("..")
                && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && (caps || MIXED.contains(&letters.to_ascii_lowercase().as_str()))
        })
}

/// Adds a cleaned author name unless it is junk ("Email the author", a URL, a date, a blurb).
pub fn push_author(list: &mut Vec<String>, raw: &str) {
    let mut s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in [
        "posted by",
        "written by",
        "article by:",
        "article by",
        "authored by:",
        "authored by",
        "authors:",
        "words by",
        "author:",
        "author",
        "by",
    ] {
        let n = p.len();
        let head = s.get(..n).map(str::to_ascii_lowercase);
        let next = s.get(n..).and_then(|r| r.chars().next());
        // "byAAA" glued by a template, but not "Byron".
        let glued = next.is_some_and(|c| c.is_uppercase() || c == ' ' || c == ':');
        if head.as_deref() == Some(p) && glued {
            s = s
                .get(n..)
                .unwrap_or("")
                .trim_start_matches([' ', ':'])
                .to_string();
            break;
        }
    }
    let s = s.trim_matches(|c: char| c.is_whitespace() || ",;:|-–—".contains(c));
    // Digits anywhere (a date, "3 min read") mean the text is not a bare name, even when the
    // role cut would drop them.
    let digits = s.chars().any(|c| c.is_ascii_digit());
    let s = strip_role(strip_avatar_initials(s));
    let lower = s.to_lowercase();
    // "Tom K." signs a customer review, not an article.
    let reviewer = s
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.len() == 2 && w.ends_with('.') && s.contains(' '));
    let words = s.split_whitespace().count();
    let junk = s.is_empty()
        || words > 5
        || s.chars().count() > 60
        || digits
        // A colon left after the label is gone is a credit line ("design: Jane Doe").
        || s.chars().any(|c| c == '_' || c == '/' || c == ':')
        || (s.contains('.') && !s.contains(' '))
        // Control characters are mojibake (UTF-8 read as Latin-1): the name is unreadable.
        || s.chars().any(char::is_control)
        || !s.chars().next().is_some_and(char::is_alphabetic)
        || reviewer
        // A login slug ("jane-doe") is the account, not the name it signs with.
        || (!s.contains(' ') && s.contains('-') && s == lower)
        || BYLINE_JUNK.iter().any(|j| {
            if let Some(whole) = j.strip_prefix('=') {
                lower == whole
            } else if let Some(last) = j.strip_prefix('~') {
                words > 1 && lower.rsplit(' ').next() == Some(last)
            } else {
                lower.contains(j.as_str())
            }
        });
    if !junk && !list.iter().any(|a| a.eq_ignore_ascii_case(s)) && list.len() < 10 {
        list.push(s.to_string());
    }
}

/// A part of a byline that opens with a job title ("Senior Director", "Head of Marketing"):
/// the names are over, the rest describes them.
pub fn is_role(part: &str) -> bool {
    part.split_whitespace()
        .next()
        .is_some_and(|w| BYLINE_ROLES.contains(&w.trim_end_matches('.').to_lowercase()))
}

/// "CM Craig McCarthy" (an avatar's initials read with the name) -> "Craig McCarthy".
fn strip_avatar_initials(s: &str) -> &str {
    let Some((first, rest)) = s.split_once(' ') else {
        return s;
    };
    let initials: String = rest
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    let all_caps = first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase());
    if all_caps && initials == first {
        rest.trim()
    } else {
        s
    }
}

/// "Jane Doe Senior Reporter" -> "Jane Doe": cut before the first job-title word that
/// follows two words of name.
fn strip_role(s: &str) -> &str {
    let mut pos = 0;
    for (i, w) in s.split(' ').enumerate() {
        if i > 1 && BYLINE_ROLES.contains(&w.to_lowercase()) {
            return s.get(..pos).map_or(s, str::trim_end);
        }
        // "Jane DoeFounder at Acme": a template glued the role to the name.
        if i > 0 {
            let glued = w
                .char_indices()
                .zip(w.chars().skip(1))
                .find(|((_, a), b)| a.is_lowercase() && b.is_uppercase())
                .map(|((k, a), _)| k + a.len_utf8());
            if let Some(k) = glued {
                let tail = w.get(k..).unwrap_or("").to_lowercase();
                if BYLINE_ROLES.contains(&tail) {
                    return s.get(..pos + k).unwrap_or(s);
                }
            }
        }
        pos += w.len() + 1;
    }
    s
}

/// What a byline candidate names, by its shape and a few word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A person: "Jane Doe", "J. R. Smith", "Marna van der Merwe", "Dr. Ehsan Jazini", a lone
    /// known first name ("David").
    Person,
    /// A news agency (`data/entities/organisations.tsv`): wire copy signs as one ("Reuters").
    Agency,
    /// Any other organisation, brand or outlet: "BBC News", "Acme Inc", "Texas Mattress
    /// Makers", "GitHub".
    Org,
    /// A placeholder role or collective: "Editorial Team", "Guest Blogger", "Acme Staff".
    Placeholder,
    /// An account handle: "jdoe", "janedoe42", "KatieS", "crazy lennys".
    Handle,
    /// Not a signature at all: a label or interface words ("Press Release", "Sign In",
    /// "Personal finance", "Senior Analyst").
    NotAName,
}

const HONORIFICS: &[&str] = &["dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame", "rev"];
/// Lower-case words allowed inside an organisation's name ("Bank of England") or joining
/// two names ("Jane Doe with John Roe").
const CONNECTORS: &[&str] = &[
    "of", "for", "the", "and", "in", "on", "at", "de", "du", "la", "with", "&",
];
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al", "y", "ter",
    "ten", "dos", "das",
];

fn is_initial(w: &str) -> bool {
    let core = w.trim_end_matches('.');
    (1..=2).contains(&core.chars().count()) && core.chars().all(char::is_uppercase)
}

fn is_common(w: &str) -> bool {
    crate::entities::COMMON.contains(w.to_lowercase().as_str())
}

/// An ordinary English word that is neither a first name nor a frequent surname.
fn plain_word(w: &str) -> bool {
    is_common(w)
        && crate::entities::first_name_gender(w).is_none()
        && !crate::entities::is_common_surname(w)
}

/// A person's name of two or three words opening with a known first name ("Jane Doe"):
/// stricter than `name_kind`, for evidence that names the site's owner rather than a
/// byline.
pub fn plain_person(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.first().is_some_and(|w| first_name(w))
        && looks_like_name(s)
        && name_kind(s, None) == NameKind::Person
}

fn first_name(w: &str) -> bool {
    crate::entities::first_name_gender(w).is_some()
}

/// "KatieS", "levinemusic", "jane_doe", "jdoe42": how account names are written.
fn handle_shaped(w: &str) -> bool {
    let mut prev_lower = false;
    let mut inner_cap = false;
    for c in w.chars() {
        inner_cap |= c.is_uppercase() && prev_lower;
        prev_lower = c.is_lowercase();
    }
    !w.chars().any(char::is_uppercase)
        || w.chars()
            .any(|c| c.is_ascii_digit() || c == '_' || c == '@')
        || (inner_cap && w.chars().last().is_some_and(char::is_uppercase))
}

/// Classifies a cleaned candidate ("Jane Doe, MD" is read as "Jane Doe"); `site` is the
/// site's name, which a lone word naming it is (a brand, not a first name).
pub fn name_kind(s: &str, site: Option<&str>) -> NameKind {
    use crate::entities::{OrgKind, ORGS, ORG_CUES};
    use NameKind::*;
    // Credentials after a comma and a bracketed aside ("Jean Roe (jroe)") say nothing of kind.
    let core = s.split(',').next().unwrap_or(s);
    let core = core.split('(').next().unwrap_or(core).trim();
    let lower = core.to_lowercase();
    match ORGS.get(lower.strip_prefix("the ").unwrap_or(&lower)) {
        Some(OrgKind::Agency) => return Agency,
        Some(_) => return Org,
        None => {}
    }
    let mut words: Vec<&str> = core
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| "\"'“”‘’:".contains(c)))
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1
        && HONORIFICS.contains(&words[0].trim_end_matches('.').to_lowercase().as_str())
    {
        words.remove(0);
    }
    let Some(&first) = words.first() else {
        return NotAName;
    };
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    if words.iter().any(|w| BYLINE_PLACEHOLDERS.contains(&bare(w))) {
        return Placeholder;
    }
    if words.iter().any(|w| BYLINE_LABELS.contains(&bare(w))) {
        return NotAName;
    }
    if words.len() == 1 {
        let alnum = |t: &str| -> String {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let names_site = site.map(alnum).is_some_and(|st| {
            let w = alnum(first);
            !w.is_empty() && (st.contains(&w) || w.contains(&st))
        });
        let camel = first.chars().skip(1).any(char::is_uppercase);
        return if handle_shaped(first) {
            Handle
        } else if first_name(first) {
            Person
        } else if is_common(first) {
            // A lone ordinary word is a label ("Spotlight").
            NotAName
        } else if names_site || camel {
            // "Budlong" on budlong.com, "GitHub".
            Org
        } else {
            // A first name the census list lacks ("Nayane").
            Person
        };
    }
    let lowercase_word = |w: &str| !w.chars().next().is_some_and(char::is_uppercase);
    let loose: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| lowercase_word(w))
        .collect();
    if loose.len() == words.len() {
        // "jane doe" typed in lower case; "crazy lennys" (a display name); "personal finance".
        return if first_name(first) && !words.iter().skip(1).any(|w| plain_word(w)) {
            Person
        } else if words.iter().any(|w| !is_common(w)) {
            Handle
        } else {
            NotAName
        };
    }
    if !loose.iter().all(|w| PARTICLES.contains(w)) {
        if !loose.iter().all(|w| CONNECTORS.contains(w)) {
            return NotAName;
        }
        // "Center for Drug Evaluation", "Jane Doe with John Roe": named when some word is
        // more than an ordinary one ("Ask the Doctors", "Human in the Loop" are not).
        let named = words.iter().filter(|w| !lowercase_word(w)).any(|w| {
            let b = bare(w);
            !is_common(&b) || ORG_WORDS.contains(&b) || ORG_CUES.contains(w)
        });
        return if named { Org } else { NotAName };
    }
    let acronym = words.iter().any(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
    });
    let last = words.last().copied().unwrap_or(first);
    if acronym || ORG_CUES.contains(last) || ORG_WORDS.contains(&bare(last)) {
        return Org;
    }
    let first_known = first_name(first) || is_initial(first);
    let person = if first_known {
        words.len() == 2 || is_initial(last) || !plain_word(last)
    } else {
        words.iter().all(|w| is_initial(w) || !plain_word(w))
    };
    if person {
        return Person;
    }
    // "Senior Analyst": a job title without the name; "Current Students": a label.
    if words.iter().any(|w| BYLINE_ROLES.contains(&bare(w))) || words.iter().all(|w| plain_word(w))
    {
        return NotAName;
    }
    Org
}
