"""The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml) as their
hosts load them: each checked against its schema, and the action's own script run by bash
as the runner would run it (inputs in the environment, outputs to $GITHUB_OUTPUT)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_yml_is_valid_against_schemastore_github_action_schema():
    import jsonschema

    schemas = pytest.importorskip("check_jsonschema.builtin_schemas")  # SchemaStore's schemas, vendored (test extra)
    from importlib.resources import files

    schema = json.loads((files(schemas) / "vendor" / "github-actions.json").read_text(encoding="utf-8"))
    action = _action()
    jsonschema.validators.validator_for(schema)(schema).validate(action)
    assert action["runs"]["using"] == "composite"


def test_pre_commit_hooks_yaml_is_valid_for_pre_commit_itself():
    pre_commit = BIN / "pre-commit"
    assert pre_commit.exists(), "pre-commit (test extra) is needed"
    result = subprocess.run([str(pre_commit), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())[0]
    assert hook["entry"] == "litcheck check --format concise"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for name in ["letter.txt", "invite.md.njk", "leaflet.PDF", "a/b/letter.html.j2", "x.docx"]:
        assert files.search(name) and not exclude.search(name), name
    for name in ["letter.litcheck.txt", "letter.litcheck-review.docx"]:
        assert exclude.search(name), name
    assert not files.search("notes.py")


def test_no_expression_is_expanded_inside_a_run_script():
    """Inputs reach the shell through env: only (template injection)."""
    for step in _action()["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")


def test_sarif_upload_is_an_explicit_opt_in_and_needs_a_report():
    action = _action()
    assert action["inputs"]["upload-sarif"]["default"] == "false"
    upload = next(s for s in action["runs"]["steps"] if "upload-sarif" in s.get("uses", ""))
    assert "inputs.upload-sarif == 'true'" in upload["if"] and "sarif-file != ''" in upload["if"]
    assert any("actions/cache" in s.get("uses", "") for s in action["runs"]["steps"])  # pip cache
    assert {"findings", "worst-reading-age", "exit-code"} <= set(action["outputs"])


def _run_step(tmp_path: Path, repo: Path, **inputs: str) -> tuple[int, dict[str, str], str]:
    """The 'Run litcheck' step's script under bash, with litcheck's venv in $RUNNER_TEMP."""
    step = next(s for s in _action()["runs"]["steps"] if s.get("id") == "litcheck")
    runner_temp = tmp_path / "runner"
    venv = runner_temp / "litcheck-venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "python").symlink_to(sys.executable)
    (venv / "litcheck").symlink_to(BIN / "litcheck")
    output = tmp_path / "github_output"
    output.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "LITCHECK_"))}
    env.update({"RUNNER_TEMP": str(runner_temp), "GITHUB_OUTPUT": str(output), "ACTION_REPOSITORY": "example/litcheck",
                "ACTION_REF": "v1", "SERVER_URL": "https://github.com", "INPUT_PATHS": ".", "INPUT_ARGS": "",
                "INPUT_COMPARE_TO": "", "INPUT_UPLOAD_SARIF": "false"})
    env.update(inputs)
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return result.returncode, outputs, result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("bash"), reason="bash is needed")
def test_action_script_annotates_sets_outputs_and_resists_injection(tmp_path):
    repo = tmp_path / "templates"
    (repo / "letters").mkdir(parents=True)
    (repo / "letters" / "heart clinic.md").write_text("# Your appointment\n\nWe will check your hypertension.\n")
    (repo / "letters" / "plain.txt").write_text("Please come to the clinic on Monday.\n")
    code, outputs, log = _run_step(tmp_path, repo, INPUT_PATHS='"letters/heart clinic.md"\nletters/plain.txt $(touch pwned) ";touch pwned2"',
                                   INPUT_ARGS="--fail-on warning --select 'jargon,tone'")
    assert code == 0, log  # the step itself passes; the last step exits with exit-code
    assert not (repo / "pwned").exists() and not (repo / "pwned2").exists()
    assert "::warning file=letters/heart clinic.md" in log  # annotations for the pull request
    assert outputs["exit-code"] == "2"  # '$(touch', 'pwned)' and ';touch pwned2' are names of no file
    assert int(outputs["findings"]) >= 1 and outputs["unreadable"] == "3"
    assert float(outputs["worst-reading-age"]) > 0

    code, outputs, log = _run_step(tmp_path / "2", repo, INPUT_PATHS="letters", INPUT_ARGS="--fail-on warning", INPUT_UPLOAD_SARIF="true")
    assert outputs["exit-code"] == "1", log
    sarif = json.loads(Path(outputs["sarif-file"]).read_text())
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["jargon.medical"]["helpUri"] == "https://github.com/example/litcheck/blob/v1/docs/rules/jargon.medical.md"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert "letters/heart%20clinic.md" in uris


@pytest.mark.skipif(not shutil.which("bash"), reason="bash is needed")
def test_action_leaves_no_sarif_to_upload_after_a_config_error(tmp_path):
    repo = tmp_path / "templates"
    repo.mkdir()
    (repo / "letter.txt").write_text("Please come.\n")
    (repo / "litcheck.toml").write_text('fail_onn = "warning"\n')
    code, outputs, log = _run_step(tmp_path, repo, INPUT_UPLOAD_SARIF="true")
    assert outputs["exit-code"] == "2" and "fail_onn" in log
    assert "sarif-file" not in outputs and "findings" not in outputs


def _readme_ci_blocks(lang: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## CI on repositories of letter templates"):text.index("## Development")]
    return re.findall(rf"```{lang}\n(.*?)```", section, re.S)


def test_readme_ci_snippets_are_valid_for_their_hosts(tmp_path):
    """The README's snippets, copied as they are: the workflow against SchemaStore's schema,
    the pre-commit config by pre-commit itself, every YAML block parsed."""
    import jsonschema
    from importlib.resources import files

    blocks = _readme_ci_blocks("yaml")
    assert len(blocks) >= 5
    for block in blocks:
        yaml.safe_load(block)
    schemas = pytest.importorskip("check_jsonschema.builtin_schemas")
    workflow_schema = json.loads((files(schemas) / "vendor" / "github-workflows.json").read_text(encoding="utf-8"))
    workflow = yaml.safe_load(next(b for b in blocks if b.startswith("name: letters")))
    workflow["on"] = workflow.pop(True)  # PyYAML reads the key `on` as YAML 1.1's true; GitHub does not
    jsonschema.validators.validator_for(workflow_schema)(workflow_schema).validate(workflow)
    step = next(s for s in workflow["jobs"]["litcheck"]["steps"] if "litcheck@" in s.get("uses", ""))
    assert set(step["with"]) <= set(_action()["inputs"])
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(next(b for b in blocks if b.startswith("repos:")))
    result = subprocess.run([str(BIN / "pre-commit"), "validate-config", str(config)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pip install litcheck\n" not in (ROOT / "README.md").read_text() and "rev: v0.1.0" not in (ROOT / "README.md").read_text()
