"""Who may load data: a login for the pages that change the warehouse (upload, review, sources).

Everything comes from the `[auth]` section of `.streamlit/secrets.toml` (README, "Who may load
data"; `.streamlit/secrets.example.toml` shows both set-ups):

* **OIDC** where `[auth]` has `redirect_uri`, `cookie_secret` and a provider (`client_id`,
  `client_secret`, `server_metadata_url` in `[auth]` itself or in a named `[auth.<provider>]`):
  Streamlit's `st.login()`, `st.user.is_logged_in` and `st.logout()`.
* otherwise **accounts** in `[auth.accounts]`, `name = "scrypt$..."` lines made by
  `python -m etl passwd NAME`: a login form, the login kept in the session's state. A failed
  attempt waits `FAIL_DELAY` seconds; `MAX_FAILURES` failures lock the form for `LOCK_SECONDS`.
* accounts made in the app (etl.accounts: `accounts.toml` of DASHBOARD_LOCAL_DIR) count as well.
  On a fresh start, with no account anywhere, the protected pages offer to make the first
  administrator, but only to a browser on the server machine itself (`is_local_request`:
  a loopback connection, a localhost address, no proxy's forwarding headers); elsewhere they say how
  to set up an account and stay locked. An administrator (any account of the secrets, or one made
  as such) makes further accounts on the Accounts page (`require_admin`).

The read-only pages stay public unless `[auth] protect_all = true` (`guard_public`, called by
ui.entry.ensure_entry on every page). Passwords and secrets are never shown, logged or kept.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import streamlit as st

from activity.i18n import pick, tr, translator
from ui import bridge

FAIL_DELAY = 1.0  # seconds every failed attempt waits
MAX_FAILURES = 5  # failed attempts in a session before the form locks
LOCK_SECONDS = 60.0
OIDC_KEYS = ("client_id", "client_secret", "server_metadata_url")
STATE_USER, STATE_FAILS, STATE_LOCKED = "auth_user", "auth_failures", "auth_locked_until"

T = {
    "locked": ("Ця сторінка змінює сховище, тому потрібен вхід.",
               "This page changes the warehouse, so you need to log in."),
    "locked_all": ("Застосунок доступний лише після входу.", "The app is open only to logged-in users."),
    "no_accounts": (
        "Вхід ще не налаштовано, тож завантажувати дані не може ніхто. Адміністратор: відкрийте застосунок у "
        "браузері на самому сервері (http://localhost:8501), щоб створити першого адміністратора; або виконайте "
        "`python -m etl passwd ІМ’Я`, вставте надрукований рядок у `.streamlit/secrets.toml` під "
        "`[auth.accounts]` і перезапустіть застосунок; або налаштуйте вхід через OIDC (README, «Who may load data»).",
        "Login is not set up yet, so nobody can load data. Administrator: open the app in a browser on the server "
        "itself (http://localhost:8501) to make the first administrator; or run `python -m etl passwd NAME`, "
        "paste the printed line into `.streamlit/secrets.toml` under `[auth.accounts]` and restart the app; "
        "or set up OIDC login (README, 'Who may load data')."),
    "first_admin": ("Облікових записів ще немає. Створіть першого адміністратора: він зможе додавати інших "
                    "на сторінці «Користувачі».",
                    "There are no accounts yet. Make the first administrator: they can add others on the "
                    "Accounts page."),
    "create": ("Створити й увійти", "Create and log in"),
    "not_admin": ("Ця сторінка лише для адміністраторів.", "This page is for administrators only."),
    "user": ("Ім’я користувача", "User name"), "password": ("Пароль", "Password"),
    "submit": ("Увійти", "Log in"), "oidc": ("Увійти через {p}", "Log in with {p}"),
    "bad": ("Невірне ім’я користувача або пароль.", "Wrong user name or password."),
    "wait": ("Забагато невдалих спроб. Спробуйте через {s} с.", "Too many failed attempts. Try again in {s} s."),
    "who": ("Ви увійшли як **{user}**", "Logged in as **{user}**"), "logout": ("Вийти", "Log out"),
    "no_authlib": ("Для входу через OIDC потрібен пакет Authlib (`pip install -r requirements.txt`).",
                   "OIDC login needs the Authlib package (`pip install -r requirements.txt`)."),
}


t = translator(T)


@dataclass(frozen=True)
class AuthSettings:
    mode: str  # "oidc", "accounts" or "none"
    accounts: dict[str, str] = field(default_factory=dict)
    providers: tuple[str | None, ...] = ()  # None: the provider set in [auth] itself
    protect_all: bool = False
    admins: frozenset[str] = frozenset()


def auth_section() -> dict:
    """The `[auth]` section of the secrets ({} when there is no secrets file or no section)."""
    secrets = st.secrets
    try:
        if not secrets.load_if_toml_exists():
            return {}
        section = secrets.get("auth")
    except (FileNotFoundError, KeyError):
        return {}
    return _plain(section) if isinstance(section, Mapping) else {}


def _plain(value: object) -> object:
    return {str(k): _plain(v) for k, v in value.items()} if isinstance(value, Mapping) else value


def read_settings(section: Mapping, made: Mapping | None = None) -> AuthSettings:
    """How logging in works for this `[auth]` section and the accounts made in the app (`made`:
    etl.accounts.accounts(); see the module doc)."""
    given = section.get("accounts")
    given = {str(k): str(v) for k, v in given.items()} if isinstance(given, Mapping) else {}
    made = made or {}
    accounts = {name: a.hash for name, a in made.items()} | given
    admins = frozenset(given) | {name for name, a in made.items() if a.admin and name not in given}
    protect_all = section.get("protect_all") is True
    providers: list[str | None] = []
    if all(section.get(k) for k in OIDC_KEYS):
        providers.append(None)
    providers += [name for name, sub in section.items() if name != "accounts" and isinstance(sub, Mapping)
                  and all(sub.get(k) for k in OIDC_KEYS)]
    if providers and section.get("redirect_uri") and section.get("cookie_secret"):
        return AuthSettings("oidc", accounts, tuple(providers), protect_all, admins)
    return AuthSettings("accounts" if accounts else "none", accounts, (), protect_all, admins)


def settings() -> AuthSettings:
    return read_settings(auth_section(), bridge.accounts())


def is_local_request() -> bool:
    """A browser on the server machine itself (see `local`)."""
    return local(st.context.ip_address, st.context.headers)


def local(ip: object, headers: Mapping) -> bool:
    """A loopback connection (Streamlit gives no address for one) to a localhost address, without a
    header a proxy adds (a request through nginx comes from loopback too)."""
    if ip is not None:
        return False
    if any(headers.get(h) for h in ("X-Forwarded-For", "X-Real-Ip", "Forwarded", "X-Forwarded-Host")):
        return False
    host = urlsplit("//" + (headers.get("Host") or "")).hostname or ""
    return host in ("localhost", "127.0.0.1", "::1", "")


def current_user(cfg: AuthSettings | None = None) -> str | None:
    """The logged-in user's name (an e-mail address for OIDC), or None."""
    cfg = cfg or settings()
    if cfg.mode == "oidc":
        user = st.user
        if not user.get("is_logged_in"):
            return None
        return str(user.get("email") or user.get("name") or user.get("sub") or "oidc")
    if cfg.mode == "accounts":
        name = st.session_state.get(STATE_USER)
        return name if name in cfg.accounts else None  # an account removed from secrets is logged out
    return None


def require_login(lang: str) -> str:
    """The logged-in user (with a log-out button in the sidebar); else the login and st.stop()."""
    cfg = settings()
    user = current_user(cfg)
    if user is None:
        st.info(t("locked", lang))
        _login(cfg, lang)
        st.stop()
    if not cfg.protect_all:  # else guard_public (ensure_entry, before every page) has shown it
        _logout_button(cfg, user, lang)
    return user


def guard_public(lang: str) -> None:
    """On a read-only page: nothing, unless `protect_all` is set and nobody is logged in."""
    cfg = settings()
    if not cfg.protect_all:
        return
    user = current_user(cfg)
    if user is None:
        st.info(t("locked_all", lang))
        _login(cfg, lang)
        st.stop()
    _logout_button(cfg, user, lang)


def require_admin(lang: str) -> str:
    """The logged-in administrator; anyone else is told so and stopped."""
    user = require_login(lang)
    if user not in settings().admins:
        st.warning(t("not_admin", lang))
        st.stop()
    return user


def _login(cfg: AuthSettings, lang: str) -> None:
    if cfg.mode == "none" and is_local_request():
        _first_admin_form(lang)
    elif cfg.mode == "none":
        st.warning(t("no_accounts", lang))
    elif cfg.mode == "oidc":
        _oidc_buttons(cfg, lang)
    else:
        _account_form(cfg, lang)


def _oidc_buttons(cfg: AuthSettings, lang: str) -> None:
    try:
        import authlib  # noqa: F401  (st.login needs it)
    except ImportError:
        st.warning(t("no_authlib", lang))
        return
    for provider in cfg.providers:
        label = t("oidc", lang, p=provider) if provider else t("submit", lang)
        if st.button(label, key=f"auth_login_{provider or 'default'}", type="primary"):
            st.login(provider)


def _account_form(cfg: AuthSettings, lang: str) -> None:
    wait = seconds_locked()
    if wait > 0:
        st.warning(t("wait", lang, s=int(wait + 0.999)))
        return
    with st.form("auth_form", clear_on_submit=True, enter_to_submit=True):
        name = st.text_input(t("user", lang), key="auth_name", autocomplete="username")
        password = st.text_input(t("password", lang), type="password", key="auth_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("submit", lang), type="primary")
    if not submitted:
        return
    if check_account(cfg, name.strip(), password):
        st.rerun()
    st.error(t("bad", lang))
    if seconds_locked() > 0:
        st.warning(t("wait", lang, s=int(LOCK_SECONDS)))


def _first_admin_form(lang: str) -> None:
    st.info(t("first_admin", lang))
    with st.form("auth_first_admin", clear_on_submit=True):
        name = st.text_input(t("user", lang), key="auth_first_name", autocomplete="username")
        password = st.text_input(t("password", lang), type="password", key="auth_first_password",
                                 autocomplete="new-password")
        again = st.text_input(tr("password_again", lang), type="password", key="auth_first_again", autocomplete="new-password")
        submitted = st.form_submit_button(t("create", lang), type="primary")
    if not submitted:
        return
    if password != again:
        st.error(tr("passwords_differ", lang))
        return
    if settings().accounts:  # someone was quicker (another tab): log in as usual instead
        st.rerun()
    try:
        bridge.add_account(name.strip(), password, admin=True, added_by="localhost")
    except bridge.PasswordError as exc:
        st.error(pick(exc.uk, exc.en, lang))
        return
    st.session_state[STATE_USER] = name.strip()
    st.rerun()


def check_account(cfg: AuthSettings, name: str, password: str) -> bool:
    """Check a login and keep it in the session; a failure waits and counts towards the lock."""
    if seconds_locked() > 0:
        return False
    if name and password and bridge.verify_password(password, cfg.accounts.get(name)):
        st.session_state[STATE_USER] = name
        st.session_state[STATE_FAILS] = 0
        return True
    time.sleep(FAIL_DELAY)
    failures = int(st.session_state.get(STATE_FAILS, 0)) + 1
    st.session_state[STATE_FAILS] = failures
    if failures % MAX_FAILURES == 0:
        st.session_state[STATE_LOCKED] = time.monotonic() + LOCK_SECONDS
    return False


def seconds_locked() -> float:
    return max(0.0, float(st.session_state.get(STATE_LOCKED, 0.0)) - time.monotonic())


def _logout_button(cfg: AuthSettings, user: str, lang: str) -> None:
    st.sidebar.caption(t("who", lang, user=re.sub(r"([\\`*_{}\[\]()#+\-.!|~<>:$])", r"\\\1", user)))
    if st.sidebar.button(t("logout", lang), key="auth_logout", icon=":material/logout:"):
        if cfg.mode == "oidc":
            st.logout()
        else:
            st.session_state.pop(STATE_USER, None)
            st.rerun()
