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


def test_an_empty_xdg_variable_is_left_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    paths.cache_dir()
    paths.log_dir()
    assert os.environ["XDG_CACHE_HOME"] == ""


def test_a_relative_xdg_variable_is_ignored_as_the_spec_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    assert paths.config_dir().is_absolute()
    assert "relative" not in str(paths.config_dir())


def test_the_folders_agree_with_appdirs_when_the_variables_are_set(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path) -> None:
    import appdirs
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "k"))
    assert str(paths.config_dir()) == appdirs.user_config_dir(paths.APP_NAME, paths.APP_AUTHOR)
    assert str(paths.cache_dir()) == appdirs.user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR)
    assert str(paths.log_dir()) == appdirs.user_log_dir(paths.APP_NAME, paths.APP_AUTHOR)
