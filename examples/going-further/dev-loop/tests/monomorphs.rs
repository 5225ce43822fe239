//! What the lesson says about the three versions of `import_users`, checked
//! on the IR rustc makes of them, not only on their results.

use dev_loop::monomorphs::count;

#[test]
fn each_version_makes_the_copies_the_lesson_says() {
    let dir = std::env::temp_dir().join(format!("monomorphs-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let generic = count("import_users", &dir).unwrap();
    let via_dyn = count("import_users_dyn", &dir).unwrap();
    let buffered = count("import_users_buffered", &dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();

    // Four reader types: four copies of the generic body.
    assert_eq!((generic.bodies, generic.shells), (4, 0));
    // The shells: one each, and one body between them.
    assert_eq!((via_dyn.bodies, via_dyn.shells), (1, 4));
    assert_eq!((buffered.bodies, buffered.shells), (1, 4));
    // A dyn BufRead costs a vtable per reader type, every method of Read and
    // BufRead instantiated: more IR than the four copies it saves.
    assert!(
        via_dyn.lines > generic.lines,
        "{via_dyn:?} against {generic:?}"
    );
    // Reading to bytes first costs only read_to_end per type: less IR.
    assert!(
        buffered.lines < generic.lines,
        "{buffered:?} against {generic:?}"
    );
}
