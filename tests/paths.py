"""Where the shared sample documents live (read in place, never copied)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REAL_OFSTED = SHARED / "real" / "ofsted"
OFSTED_GOLD = REAL_OFSTED / "gold.jsonl"
SEED_REPORT = SHARED / "real" / "seed" / "independent-scrutineer-report-2020.txt"
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
