"""Copy a trained spaCy pipeline into the package and write its accuracy on the test split.

Used by `make model`: python training/package_model.py BEST_MODEL_DIR PACKAGE_DIR TEST_SCORES_JSON
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "tagger", "parser")


def main(best: str, target: str, scores: str) -> None:
    src, dst = Path(best), Path(target)
    notice = (dst / "NOTICE.md").read_text(encoding="utf-8") if (dst / "NOTICE.md").exists() else None
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    for name in KEEP:
        item = src / name
        if item.is_dir():
            shutil.copytree(item, dst / name)
        elif item.exists():
            shutil.copy2(item, dst / name)
    if notice is not None:
        (dst / "NOTICE.md").write_text(notice, encoding="utf-8")
    meta = json.loads((dst / "meta.json").read_text(encoding="utf-8"))
    meta["name"] = "en_ewt_parser"
    meta["license"] = "CC BY-SA 4.0"
    meta["sources"] = [{
        "name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
    }]
    test = json.loads(Path(scores).read_text(encoding="utf-8"))
    meta["test_performance"] = {k: test[k] for k in ("tag_acc", "dep_uas", "dep_las", "speed") if k in test}
    (dst / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    size = sum(f.stat().st_size for f in dst.rglob("*") if f.is_file())
    print(f"packaged {dst} ({size / 1e6:.1f} MB): "
          + ", ".join(f"{k} {v:.3f}" for k, v in meta["test_performance"].items() if k != "speed"))


if __name__ == "__main__":
    main(*sys.argv[1:4])
