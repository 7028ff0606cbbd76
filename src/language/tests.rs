use super::*;

fn code(t: &str) -> String {
    detect_text(t).code
}

#[test]
fn common_languages() {
    assert_eq!(
        code("The government said on Monday that it would raise taxes."),
        "en"
    );
    assert_eq!(
        code("Le gouvernement a annoncé lundi une hausse des impôts."),
        "fr"
    );
    assert_eq!(
        code("Die Regierung kündigte am Montag höhere Steuern an."),
        "de"
    );
    assert_eq!(
        code("El gobierno anunció el lunes una subida de los impuestos."),
        "es"
    );
    assert_eq!(
        code("Правительство в понедельник объявило о повышении налогов."),
        "ru"
    );
    assert_eq!(
        code("Η κυβέρνηση ανακοίνωσε τη Δευτέρα αύξηση των φόρων."),
        "el"
    );
    assert_eq!(code("政府は月曜日に増税を発表した。"), "ja");
    assert_eq!(code("政府周一宣布提高税收。"), "zh");
    assert_eq!(code("정부는 월요일에 세금 인상을 발표했다."), "ko");
}

#[test]
fn too_short_or_no_letters_is_und() {
    for t in ["", "   ", "2014", "OK", "$8bn, 7.5%", "—"] {
        let l = detect_text(t);
        assert_eq!(l.code, "und", "{t:?}");
        assert_eq!(l.confidence, 0.0);
    }
}

#[test]
fn confidence_is_a_probability() {
    let l = detect_text("The minister said the talks would continue next week in Geneva.");
    assert!(l.confidence > 0.5 && l.confidence <= 1.0, "{l:?}");
    let l = detect_text("Παρίσι");
    assert_eq!(l.code, "und");
}

#[test]
fn names_in_another_script_do_not_vote() {
    // Russian text quoting Latin-script names is still Russian.
    let t = "Компания Google и Microsoft заявили, что New York Times ошибается.";
    assert_eq!(code(t), "ru");
}

#[test]
fn documents_read_a_bounded_sample() {
    let mut t = String::from("Storm hits coast\n\n");
    for _ in 0..200 {
        t.push_str("A storm hit the coast on Monday and thousands of homes lost power. ");
    }
    let d = Document::new(&t, None);
    let l = detect(&d);
    assert_eq!(l.code, "en");
    assert!(l.declared.is_none());
}

#[test]
fn spaced_out_letters_are_no_language() {
    assert_eq!(
        code("P a u l o   C o e l h o ' s   B l o g   i s   h e r e"),
        "und"
    );
}

#[test]
fn only_a_confident_foreign_answer_gates_the_english_extractors() {
    let mut l = detect_text("Le gouvernement a annoncé lundi une hausse des impôts.");
    assert!(l.is_other());
    l.confidence = 0.5;
    assert!(!l.is_other());
    assert!(!detect_text("The government raised taxes on Monday.").is_other());
    assert!(!detect_text("").is_other());
}

#[test]
fn a_settled_answer_stops_reading_mid_sentence() {
    // One long English sentence followed by French: the answer is settled inside the first
    // sentence, so the French never counts (it would lower the confidence).
    let english = "The minister said on Tuesday that the government would publish its plans \
                   for the new railway line between the two cities before the end of the year, \
                   after months of talks with the councils and the companies that would build it";
    let french = " et le gouvernement français a déclaré que les négociations continueraient \
                  pendant plusieurs semaines avec les syndicats et les entreprises concernées.";
    let alone = detect_text(english);
    let mixed = detect_text(&format!("{english}{french}"));
    assert_eq!(alone.code, "en");
    assert_eq!(mixed, alone);
}
