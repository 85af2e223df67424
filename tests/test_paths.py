"""Per-user folders come from appdirs, and stay absolute when an XDG_* variable is set but empty."""

import pytest

from viewer import paths


@pytest.mark.parametrize("variable", ["XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"])
def test_an_empty_xdg_variable_falls_back_to_the_default(monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    monkeypatch.setenv(variable, "")
    for folder in (paths.config_dir(), paths.cache_dir(), paths.log_dir()):
        assert folder.is_absolute()
        assert "entente" in str(folder)


def test_a_set_xdg_config_home_is_honoured(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert paths.config_dir() == tmp_path / "entente"


def test_the_bundled_dataset_is_found() -> None:
    assert (paths.bundled_dataset() / "events.csv").is_file()
