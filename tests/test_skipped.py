"""ingest names each file it leaves out of a folder, with the reason."""

from pathlib import Path

from reviewmine.ingest import expand_paths
from reviewmine.skipped import skipped_files


def test_every_file_left_out_of_a_folder_is_named_with_its_reason(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in (
        "review.md",
        "sub/letter.html",
        "notes.xyz",
        "sub/data.csv",
        "~$review.docx",
        ".DS_Store",
        "README.md",
        "Makefile",
    ):
        (tmp_path / name).write_text("x", encoding="utf-8")
    got = {p.relative_to(tmp_path).as_posix(): why for p, why in skipped_files([tmp_path])}
    assert got == {
        "notes.xyz": "unsupported type .xyz",
        "sub/data.csv": "unsupported type .csv",
        "~$review.docx": "an Office lock file",
        ".DS_Store": "a hidden file",
        "README.md": "a folder's README, not a document",
        "Makefile": "no file type (no extension)",
    }
    # together with what expand_paths keeps, every file is accounted for
    kept = {p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])}
    assert kept == {"review.md", "sub/letter.html"}


def test_files_named_directly_are_not_listed(tmp_path):
    f = tmp_path / "notes.xyz"
    f.write_text("x", encoding="utf-8")
    assert skipped_files([f]) == [] and expand_paths([f]) == [Path(f)]
