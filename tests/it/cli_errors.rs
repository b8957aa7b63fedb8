//! Bad input gets a clear answer: exit code 2, the file named, the line where one applies, and
//! never a panic.

use crate::fixtures::{DemoDir, Run, SMALL_JOURNEY, curva};

/// `curva score FILE` on its "Comentario" column with a rating column and scale, as JSON lines.
fn score_rated(d: &DemoDir, file: &str, rating: &str, scale: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "score",
        file,
        "--text-column",
        "Comentario",
        "--rating-column",
        rating,
        "--rating-scale",
        scale,
        "--format",
        "jsonl",
    ];
    args.extend_from_slice(extra);
    curva(d.path(), &args)
}

fn analyze(d: &DemoDir, survey: &str) -> crate::fixtures::Run {
    d.write("j.toml", SMALL_JOURNEY);
    curva(
        d.path(),
        &[
            "analyze",
            "--journey",
            "j.toml",
            "--survey",
            survey,
            "--out",
            "out",
        ],
    )
}

#[test]
fn files_that_are_not_exports_are_named_for_what_they_are() {
    let d = DemoDir::new();
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.csv", b"", "the file is empty"),
        ("bom.csv", b"\xEF\xBB\xBF", "byte-order mark"),
        (
            "chart.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
            "PNG image",
        ),
        ("book.csv", b"PK\x03\x04\x14\0\x06\0", "xlsx"),
        ("header.csv", b"id,Etapa,Comentario\r\n", "no responses"),
    ];
    for (name, bytes, expected) in cases {
        d.write(name, bytes);
        let run = analyze(&d, name);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(name) && run.stderr.contains(expected),
            "{name}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn a_missing_file_is_bad_input() {
    let d = DemoDir::new();
    let run = analyze(&d, "nope.csv");
    run.assert_bad_input(&["nope.csv"]);
}

#[test]
fn ragged_rows_are_reported_by_physical_line_and_the_rest_imported() {
    let d = DemoDir::new();
    d.write(
        "s.csv",
        "id;Etapa;Satisfacción (1-5);Comentario\r\n1;Compra;5;\"Genial,\r\nmuy rápido\"\r\n2;Compra;4;bien;extra\r\n3;Envío;1;tarde\r\n4;Entrega;9;mal\r\n",
    );
    let run = analyze(&d, "s.csv");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("s.csv: line 4:")
            && run.stderr.contains("5 fields but the header has 4"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("s.csv: line 6:") && run.stderr.contains("9 is outside the scale 1-5"),
        "{}",
        run.stderr
    );
    let report = d.json("out/report.json");
    assert_eq!(
        report["totals"]["responses"], 3,
        "rows 1, 3 and 4 imported; row 2 skipped"
    );
}

#[test]
fn a_journey_file_typo_names_the_line() {
    let d = DemoDir::new();
    d.write(
        "j.toml",
        "id = \"x\"\n[[stages]]\nid = \"a\"\naliasses = [\"b\"]\n",
    );
    let run = curva(
        d.path(),
        &[
            "analyze",
            "--journey",
            "j.toml",
            "--survey",
            "survey.csv",
            "--out",
            "out",
        ],
    );
    run.assert_bad_input(&["j.toml: line 4:", "aliasses"]);
}

#[test]
fn ambiguous_aliases_are_refused() {
    let d = DemoDir::new();
    d.write("j.toml", "id = \"x\"\n[[stages]]\nid = \"a\"\naliases = [\"Compra\"]\n[[stages]]\nid = \"b\"\naliases = [\"compra\"]\n");
    let run = curva(
        d.path(),
        &[
            "analyze",
            "--journey",
            "j.toml",
            "--survey",
            "survey.csv",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("names both stage \"a\" and stage \"b\""),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_database_url_is_bad_input() {
    let d = DemoDir::new();
    let run = curva(d.path(), &["migrate", "--db", "mysql://host/db"]);
    run.assert_bad_input(&["mysql"]);
    let run = curva(
        d.path(),
        &["migrate", "--db", "sqlite://no/such/folder/c.db"],
    );
    run.assert_bad_input(&["does not exist"]);
}

#[test]
fn utf16_excel_unicode_text_is_read() {
    let d = DemoDir::new();
    let text = "id\tEtapa\tComentario\r\n1\tCompra\tMuy buena compra\r\n2\tEntrega\tLlegó tarde y roto\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    d.write("u.txt", bytes);
    let run = analyze(&d, "u.txt");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(d.json("out/report.json")["totals"]["with_text"], 2);
}

#[test]
fn eval_names_a_missing_column_and_a_bad_label() {
    let d = DemoDir::new();
    // `curva eval FILE --text-column TEXT --label-column label`, and any further flags.
    let eval = |file: &str, text: &str, extra: &[&str]| {
        let mut args = vec![
            "eval",
            file,
            "--text-column",
            text,
            "--label-column",
            "label",
        ];
        args.extend_from_slice(extra);
        curva(d.path(), &args)
    };
    d.write("l.csv", "text,label\nbien,pos\nmal,negative\n");
    eval("l.csv", "comment", &[]).assert_bad_input(&[
        "no column named \"comment\"",
        "its columns are: text, label",
    ]);
    eval("l.csv", "text", &[]).assert_bad_input(&["l.csv: line 3", "negative"]);
    // --where keeps only the rows asked for (the bad label is in the other split).
    d.write(
        "s.csv",
        "text,label,split\nbien,pos,test\nmal,negative,dev\nfatal,neg,test\n",
    );
    let run = eval("s.csv", "text", &["--where", "split=test", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(got["all"]["n"], 2, "{got}");
    eval("s.csv", "text", &["--where", "split"])
        .assert_bad_input(&["--where \"split\"", "COLUMN=VALUE"]);
    eval("s.csv", "text", &["--where", "split=tst"])
        .assert_bad_input(&["no row has split=tst", "test, dev"]);
    // Given twice, only the rows that meet both.
    d.write(
        "m.csv",
        "text,label,split,lang\nbien,pos,test,es\ngood,pos,test,en\nmal,neg,dev,es\nfatal,neg,test,es\n",
    );
    let both = ["--where", "split=test", "--where", "lang=es", "--json"];
    let run = eval("m.csv", "text", &both);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(got["all"]["n"], 2, "{got}");
    eval(
        "m.csv",
        "text",
        &["--where", "split=dev", "--where", "lang=en"],
    )
    .assert_bad_input(&[
        "no row meets all of split=dev, lang=en together",
        "rows meeting each: split=dev: 1, lang=en: 1",
    ]);
    eval(
        "m.csv",
        "text",
        &["--where", " lang = fr ", "--where", "split=dev"],
    )
    .assert_bad_input(&["no row has lang=fr; that column holds: es, en"]);
    // What `curva score` reads, `curva eval` reads: here a Windows-1252 export with semicolons.
    let (texto, label) = ("Atención pésima", "neg");
    let mut bytes = b"texto;label\n".to_vec();
    bytes.extend(encoding_rs::WINDOWS_1252.encode(texto).0.iter());
    bytes.extend(format!(";{label}\nMuy amables;pos\n").bytes());
    d.write("w.csv", bytes);
    let run = eval("w.csv", "texto", &["--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(got["binary"]["n"], 2, "{got}");
    assert_eq!(got["binary"]["accuracy"], 1.0, "{got}");
}

#[test]
fn a_file_that_is_not_a_database_is_named_at_once() {
    let d = DemoDir::new();
    d.write("report.json", "{}");
    let run = curva(d.path(), &["imports", "--db", "report.json"]);
    run.assert_bad_input(&["report.json is not an SQLite database"]);
}

#[test]
fn a_survey_without_a_stage_column_is_refused_even_with_a_journey() {
    let d = DemoDir::new();
    d.write("s.csv", "id,Comentario\n1,muy bien\n2,fatal\n");
    let run = curva(
        d.path(),
        &[
            "analyze",
            "--journey",
            "journey.toml",
            "--survey",
            "s.csv",
            "--out",
            "o",
        ],
    );
    run.assert_bad_input(&["s.csv: no stage column found"]);
    let run = curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://c.db",
            "--journey",
            "journey.toml",
            "--survey",
            "s.csv",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let log = curva(d.path(), &["imports", "--db", "sqlite://c.db", "--json"]);
    assert_eq!(log.stdout.trim(), "", "nothing stored");
}

#[test]
fn an_unwritable_output_folder_is_bad_input_named_once() {
    let d = DemoDir::new();
    d.write("taken", "a file, not a folder");
    let run = curva(
        d.path(),
        &[
            "analyze",
            "--journey",
            "journey.toml",
            "--survey",
            "survey.csv",
            "--out",
            "taken",
        ],
    );
    run.assert_bad_input(&["taken"]);
    assert_eq!(
        run.stderr.matches("os error").count(),
        1,
        "the cause is printed once: {}",
        run.stderr
    );
}

#[test]
fn score_writes_one_row_per_input_row_in_order() {
    let d = DemoDir::new();
    d.write(
        "c.csv",
        "id;Comentario;NPS\n1;Me encantó, todo perfecto;10\n2;Sigo esperando, estoy harto;2\n3;;5\n4;The app is confusing;\n",
    );
    let run = score_rated(&d, "c.csv", "NPS", "0-10", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows.iter()
            .map(|r| r["row"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert_eq!(rows[0]["label"], "pos");
    assert!(rows[0]["emotions"]["joy"].as_f64().unwrap() > 0.5);
    assert_eq!(rows[1]["label"], "neg");
    assert!(rows[1]["emotions"]["frustration"].as_f64().unwrap() > 0.5);
    // The text part never comes from the row's own rating.
    assert_eq!(rows[2]["text_valence"], 0.0);
    assert_eq!(rows[2]["rating_valence"], 0.0);
    assert!(rows[3]["rating_valence"].is_null());
    assert!(rows[3]["emotions"]["confusion"].as_f64().unwrap() > 0.5);
    assert!(!rows[1]["explanation"].as_array().unwrap().is_empty());
    // Intensity: strong feeling either way, nothing for an empty comment.
    assert!(rows[1]["intensity"].as_f64().unwrap() > 0.5);
    assert_eq!(rows[2]["intensity"], 0.0);

    let csv = curva(d.path(), &["score", "c.csv", "--text-column", "Comentario"]);
    assert_eq!(csv.code, 0);
    assert_eq!(
        csv.stdout.lines().next().unwrap(),
        "row,valence,text_valence,rating_valence,label,language,emotions,explanation,intensity"
    );
    assert_eq!(csv.stdout.lines().count(), 5);
    curva(d.path(), &["score", "c.csv", "--text-column", "Comment"])
        .assert_bad_input(&["no column named \"Comment\""]);
}

/// Telecom complaints and praise told in the trade's own words, which no general lexicon
/// scores: only the file's own ratings can teach what they mean.
const JARGON_NEGATIVE: [&str; 8] = [
    "El router se queda con la luz naranja cada noche",
    "Me siguen cobrando la permanencia del contrato anterior",
    "El técnico vino sin la pieza y hay que pedir otra cita",
    "La fibra baja a tres megas por la tarde",
    "Me pasaron con cuatro departamentos distintos",
    "La portabilidad lleva parada desde el lunes",
    "El paquete apareció en la conserjería del edificio de al lado",
    "La factura trae dos cuotas de alta",
];
const JARGON_POSITIVE: [&str; 8] = [
    "El técnico trajo la pieza y lo dejó instalado en media hora",
    "La fibra da los seiscientos megas a cualquier hora",
    "Me atendió una sola persona de principio a fin",
    "La portabilidad se hizo en el día",
    "El paquete me lo subieron hasta el quinto piso",
    "La factura coincide con lo contratado",
    "El router nuevo llega a todas las habitaciones",
    "Me respetaron el precio de la oferta al renovar",
];

#[test]
fn score_learns_from_the_files_ratings_and_says_how_well() {
    let d = DemoDir::new();
    // 240 comments; four in five carry a CSAT rating, the rest are scored by what was learned.
    let mut file = String::from("Comentario,CSAT\n");
    let mut unrated = Vec::new();
    for i in 0..240 {
        let negative = i % 2 == 0;
        let text = if negative {
            JARGON_NEGATIVE[(i / 2) % 8]
        } else {
            JARGON_POSITIVE[(i / 2) % 8]
        };
        let rating = match (i % 5 == 4, negative) {
            (true, _) => {
                unrated.push((i, negative));
                ""
            }
            (false, true) => ["1", "2"][i % 3 % 2],
            (false, false) => ["5", "4"][i % 3 % 2],
        };
        file.push_str(&format!("{text},{rating}\n"));
    }
    d.write("telecom.csv", file);
    let run = score_rated(&d, "telecom.csv", "CSAT", "1-5", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("learned from 192 clearly rated comments")
            && run.stderr.contains("the model scores the text"),
        "{}",
        run.stderr
    );
    let rows: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 240);
    // Unrated comments get their text valence from the model: the jargon now has a sign.
    for (i, negative) in unrated {
        let v = rows[i]["text_valence"].as_f64().unwrap();
        assert!(if negative { v < -0.2 } else { v > 0.2 }, "row {i}: {v}");
        assert!(
            rows[i]["explanation"]
                .to_string()
                .contains("learned from this file"),
            "{}",
            rows[i]["explanation"]
        );
    }
}

/// The text/rating weights are the user's to set; they reach the valence and the report, and
/// impossible ones are refused.
#[test]
fn fusion_weights_are_configurable_and_checked() {
    let d = DemoDir::new();
    d.write("c.csv", "Comentario;NPS\nMe encantó, todo perfecto;0\n");
    let score = |extra: &[&str]| score_rated(&d, "c.csv", "NPS", "0-10", extra);
    let row = |run: &Run| -> serde_json::Value {
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap()
    };
    let even = row(&score(&[]));
    let text_only = row(&score(&["--text-weight", "1", "--rating-weight", "0"]));
    let rating_only = row(&score(&["--text-weight", "0", "--rating-weight", "1"]));
    assert_eq!(text_only["valence"], text_only["text_valence"]);
    assert_eq!(rating_only["valence"], -1.0);
    let v = |r: &serde_json::Value| r["valence"].as_f64().unwrap();
    assert!(v(&rating_only) < v(&even) && v(&even) < v(&text_only));

    score(&["--text-weight", "0", "--rating-weight", "0"]).assert_bad_input(&["cannot both be 0"]);
    score(&["--text-weight=-1"]).assert_bad_input(&["not a weight"]);

    let run = curva(
        d.path(),
        &[
            "analyze",
            "--journey",
            "journey.toml",
            "--survey",
            "survey.csv",
            "--out",
            "w",
            "--text-weight",
            "0.8",
            "--rating-weight",
            "0.2",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let weights = &d.json("w/report.json")["settings"]["weights"];
    assert_eq!(weights["text"], 0.8);
    assert_eq!(weights["rating"], 0.2);
}

/// A rating that is not a number on the declared scale is left out by line, not silently.
#[test]
fn score_names_ratings_it_cannot_read() {
    let d = DemoDir::new();
    d.write("r.csv", "id;Comentario;NPS\n1;bien;11\n2;mal;x\n3;ok;5\n");
    let run = score_rated(&d, "r.csv", "NPS", "0-10", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("2 ratings left out"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("line 2: \"11\" is not a rating on 0-10"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("line 3: \"x\""), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 3, "every row is still scored");
}

/// A comment split by an unquoted comma would lose its end: refused by line, not scored short.
#[test]
fn score_and_eval_refuse_a_row_split_by_an_unquoted_delimiter() {
    let d = DemoDir::new();
    d.write(
        "split.csv",
        "text,label\n\"El pollo, rico\",pos\nEl pollo, rico,pos\n",
    );
    for command in [
        vec!["score", "split.csv", "--text-column", "text"],
        vec![
            "eval",
            "split.csv",
            "--text-column",
            "text",
            "--label-column",
            "label",
        ],
    ] {
        curva(d.path(), &command).assert_bad_input(&["split.csv", "line 3", "3 fields", "quotes"]);
    }
    // Empty cells past the header, as spreadsheets save them, are fine.
    d.write("trailing.csv", "text,label\nmuy rico,pos,,\n");
    let run = curva(
        d.path(),
        &["score", "trailing.csv", "--text-column", "text"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}
