use super::*;

const STORY: &str = "Kidney chain saves six patients\n\n\
A kidney donor in San Francisco set off a chain of six transplants this week.\n\n\
The weather was mild on Friday.\n\n\
Surgeons matched each kidney donor with a patient using a new computer program.\n\n\
The program found the kidney chain in three weeks, the hospital said.\n\n\
A spokesman declined to comment on parking.";

#[test]
fn central_sentences_in_article_order() {
    let d = Document::new(STORY, None);
    let s = select(&d, 3);
    assert_eq!(s.len(), 3);
    assert!(s.windows(2).all(|w| w[0].start < w[1].start));
    assert!(
        s.iter()
            .all(|x| !x.text.contains("weather") && !x.text.contains("parking")),
        "{s:#?}"
    );
    assert!(s.iter().any(|x| x.score == 1.0));
    for x in &s {
        let got: String = STORY.chars().skip(x.start).take(x.end - x.start).collect();
        assert_eq!(got, x.text);
        assert!(x.paragraph.is_some());
    }
}

#[test]
fn k_bounds_the_summary() {
    let d = Document::new(STORY, None);
    assert!(select(&d, 0).is_empty());
    assert_eq!(select(&d, 1).len(), 1);
    // Every body sentence with enough content words: the weather line has too few.
    assert_eq!(select(&d, 50).len(), 4);
    assert!(select(&Document::new("", None), 3).is_empty());
    let one = Document::new("Just one short line.", None);
    assert_eq!(select(&one, 3).len(), 1);
}
