//! The tables, as diesel sees them (kept in step with migrations/sqlite by hand, checked by the
//! store tests that run every query against a migrated database).

diesel::table! {
    journeys (id) {
        id -> Text,
        name -> Text,
        definition -> Text,
        created_at -> Text,
        updated_at -> Text,
    }
}

diesel::table! {
    imports (id) {
        id -> Integer,
        journey_id -> Text,
        source -> Text,
        file_name -> Text,
        sha256 -> Text,
        format -> Text,
        rows_read -> Integer,
        inserted -> Integer,
        duplicates -> Integer,
        skipped -> Integer,
        redactions -> Integer,
        problems -> Text,
        imported_at -> Text,
        mapping -> Text,
        headers -> Text,
        roles -> Text,
    }
}

diesel::table! {
    responses (id) {
        id -> Integer,
        journey_id -> Text,
        source -> Text,
        response_key -> Text,
        import_id -> Integer,
        stage -> Nullable<Text>,
        touchpoint -> Nullable<Text>,
        segment -> Nullable<Text>,
        language -> Nullable<Text>,
        recorded_at -> Nullable<Text>,
        text -> Nullable<Text>,
        ratings -> Text,
        original -> Nullable<Text>,
        last_seen_import -> Nullable<Integer>,
    }
}

diesel::joinable!(imports -> journeys (journey_id));
diesel::joinable!(responses -> journeys (journey_id));
diesel::allow_tables_to_appear_in_same_query!(journeys, imports, responses);
