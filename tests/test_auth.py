"""Who may load data: salted scrypt accounts, `python -m etl passwd`, the login on the upload, review
and sources pages, OIDC through st.login/st.user, and `protect_all` for the read-only pages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

import ui.auth
from etl.cli import main
from etl.passwords import PasswordError, account_line, hash_password, verify_password
from ui.auth import read_settings

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "рукопис-2024-весна"
HASH = hash_password(PASSWORD)
ACCOUNTS = {"accounts": {"olena": HASH}}
OIDC = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32,
        "client_id": "dashboard", "client_secret": "not-a-real-secret",
        "server_metadata_url": "https://id.example.org/.well-known/openid-configuration"}
PROTECTED = ["upload", "review", "sources"]


def test_a_password_is_stored_salted_and_checked_in_constant_form() -> None:
    again = hash_password(PASSWORD)
    assert HASH != again and HASH.startswith("scrypt$16384$8$1$")  # a fresh salt every time
    assert PASSWORD not in HASH
    assert verify_password(PASSWORD, HASH) and verify_password(PASSWORD, again)
    assert not verify_password(PASSWORD + " ", HASH)
    assert not verify_password(PASSWORD, None)  # an unknown account
    assert not verify_password(PASSWORD, "plain-text-password")  # never compared as text
    assert not verify_password(PASSWORD, "scrypt$1048576$64$1$AAAA$AAAA")  # absurd costs are refused


def test_passwd_prints_only_the_line_to_paste() -> None:
    result = CliRunner().invoke(main, ["passwd", "olena", "--stdin"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    line = result.stdout.strip().splitlines()[-1]
    accounts = tomllib.loads("[auth.accounts]\n" + line)["auth"]["accounts"]
    assert list(accounts) == ["olena"] and verify_password(PASSWORD, accounts["olena"])


@pytest.mark.parametrize(("user", "password"), [("olena", "short"), ("о лена", PASSWORD), ("x] = 1\n[", PASSWORD)])
def test_passwd_refuses_weak_passwords_and_odd_names(user: str, password: str) -> None:
    with pytest.raises(PasswordError):
        account_line(user, password)
    result = CliRunner().invoke(main, ["--lang", "en", "passwd", user, "--stdin"], input=password + "\n")
    assert result.exit_code == 2 and "scrypt$" not in result.output


def test_settings_say_which_login_applies() -> None:
    assert read_settings({}).mode == "none"
    assert read_settings(ACCOUNTS).mode == "accounts"
    assert read_settings({**ACCOUNTS, "protect_all": True}).protect_all
    assert read_settings({**OIDC, **ACCOUNTS}).mode == "oidc"  # OIDC first where it is configured
    named = {"redirect_uri": OIDC["redirect_uri"], "cookie_secret": "x" * 32,
             "microsoft": {k: OIDC[k] for k in ("client_id", "client_secret", "server_metadata_url")}}
    assert read_settings(named).providers == ("microsoft",)
    assert read_settings({"redirect_uri": "x", "client_id": "y"}).mode == "none"  # incomplete: locked


@pytest.mark.parametrize("name", PROTECTED)
def test_a_visitor_without_accounts_configured_is_refused(page, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.auth, "is_local_request", lambda: False)  # a browser elsewhere than the server
    at = page(name, auth={}, timeout=60)  # auth always given: never the developer's own secrets.toml
    assert not at.exception
    assert "python -m etl passwd" in at.warning[0].value
    assert not at.file_uploader and not at.button and not at.dataframe and not at.text_input


@pytest.mark.parametrize("name", PROTECTED)
def test_a_visitor_who_is_not_logged_in_sees_only_the_login(page, name: str) -> None:
    at = page(name, auth=ACCOUNTS, timeout=60)
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Ім’я користувача", "Пароль"]
    assert not at.file_uploader and not at.dataframe and not at.main.radio  # nothing of the page itself


def _login(at: AppTest, user: str, password: str) -> AppTest:
    at.text_input(key="auth_name").set_value(user)
    at.text_input(key="auth_password").set_value(password)
    return at.button[0].click().run()


def test_login_opens_the_upload_page_and_logout_closes_it(page) -> None:
    at = _login(page("upload", auth=ACCOUNTS, timeout=60), "olena", PASSWORD)
    assert not at.exception and not at.error
    assert at.file_uploader(key="up_files").accept_multiple_files
    assert "olena" in at.sidebar.caption[-1].value
    at.sidebar.button(key="auth_logout").click().run()
    assert not at.file_uploader and [t.label for t in at.text_input] == ["Ім’я користувача", "Пароль"]


def test_failed_logins_wait_and_then_lock_the_form(page, monkeypatch) -> None:
    monkeypatch.setattr(ui.auth, "FAIL_DELAY", 0.0)
    at = page("upload", auth=ACCOUNTS, timeout=60)
    for attempt in range(ui.auth.MAX_FAILURES):
        at = _login(at, "olena", f"guess {attempt}")
        assert at.error[0].value == "Невірне ім’я користувача або пароль."
    assert not at.file_uploader
    at.run()
    assert "Забагато невдалих спроб" in at.warning[0].value and not at.text_input  # no form while locked
    assert at.session_state["auth_failures"] == ui.auth.MAX_FAILURES


def test_an_unknown_user_is_refused_like_a_wrong_password(page, monkeypatch) -> None:
    monkeypatch.setattr(ui.auth, "FAIL_DELAY", 0.0)
    at = _login(page("sources", auth=ACCOUNTS, timeout=60), "nobody", PASSWORD)
    assert at.error[0].value == "Невірне ім’я користувача або пароль."
    assert not at.dataframe


def test_oidc_uses_streamlits_login_and_user(page) -> None:
    at = page("upload", auth=OIDC, timeout=60)
    assert not at.exception and not at.text_input  # no password form: the provider logs people in
    assert [b.label for b in at.button] == ["Увійти"] and not at.file_uploader
    at = page("upload", auth=OIDC, run=False, timeout=60)
    at.user = {"is_logged_in": True, "email": "olena@rada.example.org"}
    at.run()
    assert not at.exception and at.file_uploader
    assert "olena@rada\\.example\\.org" in at.sidebar.caption[-1].value


def test_protect_all_locks_the_read_only_pages_too(page) -> None:
    at = page("holdings", auth={**ACCOUNTS, "protect_all": True}, timeout=60)
    assert not at.exception and not at.metric and not at.dataframe
    assert at.info[0].value == "Застосунок доступний лише після входу."
    at = _login(at, "olena", PASSWORD)
    assert not at.exception and at.metric  # the page itself, once logged in
    public = page("holdings", auth=ACCOUNTS, timeout=60)
    assert public.metric and not public.text_input  # public unless protect_all


def test_secrets_stay_out_of_git_and_the_example_documents_both_set_ups() -> None:
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    example = (ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8")
    section = tomllib.loads(example)["auth"]
    assert read_settings(section).mode == "none" and section["protect_all"] is False  # locked until filled in
    for key in ("[auth.accounts]", "python -m etl passwd", "redirect_uri", "cookie_secret", "client_id",
                "client_secret", "server_metadata_url"):
        assert key in example, key
    keys = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
    lines = [line[2:] for line in example.splitlines() if line.startswith("# ") and line[2:].split(" = ")[0] in keys]
    oidc = tomllib.loads("\n".join(lines[:5]))
    assert len(oidc) == 5 and read_settings(oidc).mode == "oidc"  # the commented keys make an OIDC set-up


# ------------------------------------------------------------------ the first administrator, more accounts

@pytest.mark.parametrize(("ip", "headers", "is_local"), [
    (None, {"Host": "localhost:8501"}, True), (None, {"Host": "127.0.0.1:8501"}, True), (None, {"Host": "[::1]:8501"}, True),
    ("10.0.0.7", {"Host": "localhost:8501"}, False),  # a connection from elsewhere
    (None, {"Host": "dashboard.example.org"}, False),  # loopback, but for a public name: a tunnel or proxy
    (None, {"Host": "localhost:8501", "X-Forwarded-For": "203.0.113.5"}, False),  # through nginx
    (None, {"Host": "localhost", "X-Real-Ip": "203.0.113.5"}, False),
])
def test_only_a_browser_on_the_server_counts_as_local(ip, headers: dict, is_local: bool) -> None:
    assert ui.auth.local(ip, headers) is is_local


def test_a_fresh_start_makes_the_first_administrator_from_the_server_itself(page, monkeypatch) -> None:
    from etl.accounts import accounts, path

    monkeypatch.setattr(ui.auth, "is_local_request", lambda: True)  # AppTest has no real connection
    at = page("upload", auth={}, timeout=60)  # no account anywhere
    assert not at.exception and "першого адміністратора" in at.info[-1].value
    at.text_input(key="auth_first_name").input("olena")
    at.text_input(key="auth_first_password").input("закоротко")
    at.text_input(key="auth_first_again").input("закоротко")
    at.button[0].click().run()
    assert "закороткий" in at.error[0].value and not accounts()
    at.text_input(key="auth_first_name").input("olena")
    at.text_input(key="auth_first_password").input(PASSWORD)
    at.text_input(key="auth_first_again").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert at.file_uploader, "logged in: the upload page itself"
    made = accounts()
    assert list(made) == ["olena"] and made["olena"].admin and verify_password(PASSWORD, made["olena"].hash)
    assert PASSWORD not in path().read_text(encoding="utf-8")


def test_an_administrator_adds_an_account_that_can_log_in_but_not_administer(page) -> None:
    from etl.accounts import accounts

    at = page("accounts", auth=ACCOUNTS, session={"auth_user": "olena"}, timeout=60)
    assert not at.exception and "olena" in at.dataframe[0].value.iloc[:, 0].tolist()
    at.text_input(key="acc_name").input("petro")
    at.text_input(key="acc_password").input("другий-пароль-2025")
    at.text_input(key="acc_again").input("другий-пароль-2025")
    at.button[0].click().run()
    assert not at.exception and "petro" in at.success[0].value
    assert not accounts()["petro"].admin
    other = page("accounts", auth=ACCOUNTS, session={"auth_user": "petro"}, timeout=60)
    assert "лише для адміністраторів" in other.warning[0].value and not other.text_input
    upload = page("upload", auth=ACCOUNTS, session={"auth_user": "petro"}, timeout=60)
    assert upload.file_uploader  # petro may load data
    removing = page("accounts", auth=ACCOUNTS, session={"auth_user": "olena"}, timeout=60)
    removing.selectbox(key="acc_remove_pick").set_value("petro")
    removing.button(key="acc_remove").click().run()
    assert "petro" not in accounts()
