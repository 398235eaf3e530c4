fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let tokens = sourcelens_core::tokens::tokenize(&text);
    let tags = sourcelens_core::attribution::model().tag(&tokens);
    let mut line = String::new();
    for (t, g) in tokens.iter().zip(&tags) {
        let mark = match g.role() { Some(0) => "S", Some(1) => "C", Some(2) => "Q", _ => "" };
        if mark.is_empty() { line.push_str(t.text); } else { line.push_str(&format!("{}/{}", t.text, mark)); }
        line.push(' ');
        if t.text == "." { println!("{line}"); line.clear(); }
    }
    println!("{line}");
}
