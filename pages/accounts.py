"""Користувачі / Accounts: who may load data; an administrator adds and removes the accounts made in the app."""

import pandas as pd
import streamlit as st

from activity.i18n import pick, tr, translator
from ui import bridge
from ui.auth import require_admin, settings
from ui.entry import ensure_entry

T = {
    "intro": ("Облікові записи для сторінок, що змінюють сховище. Записи з `.streamlit/secrets.toml` тут лише "
              "видно (вони адміністраторські); створені тут — зберігаються як солоні хеші scrypt, паролів ніхто не бачить.",
              "Accounts for the pages that change the warehouse. Those of `.streamlit/secrets.toml` are only shown "
              "here (they are administrators); those made here are kept as salted scrypt hashes: nobody sees a password."),
    "name": ("Ім’я", "Name"), "admin": ("Адміністратор", "Administrator"), "where": ("Де записано", "Kept in"),
    "secrets": ("secrets.toml", "secrets.toml"), "app": ("застосунок", "the app"),
    "by": ("Ким створено", "Made by"),
    "add": ("Новий користувач", "New account"), "password": ("Пароль (щонайменше 10 знаків)", "Password (10 characters or more)"),
    "make_admin": ("Адміністратор (може керувати користувачами)",
                                                                  "Administrator (may manage accounts)"),
    "create": ("Створити", "Create"),
    "created": ("Створено користувача «{name}».", "Account '{name}' made."),
    "remove": ("Вилучити користувача", "Remove an account"), "pick": ("Кого вилучити", "Which account"),
    "remove_button": ("Вилучити", "Remove"), "removed": ("Користувача «{name}» вилучено.", "Account '{name}' removed."),
}
t = translator(T)

ensure_entry()
lang = st.session_state.get("lang", "uk")
st.title(tr("accounts_title", lang))
user = require_admin(lang)
st.caption(t("intro", lang))

cfg, made = settings(), bridge.accounts()
rows = [{t("name", lang): name, t("admin", lang): tr("yes" if name in cfg.admins else "no", lang),
         t("where", lang): t("app" if name in made and name not in (cfg.accounts.keys() - made.keys()) else "secrets", lang),
         t("by", lang): made[name].added_by if name in made else "", tr("when", lang): made[name].added_at if name in made else ""}
        for name in sorted(cfg.accounts)]
st.dataframe(pd.DataFrame(rows), hide_index=True)

st.subheader(t("add", lang))
with st.form("acc_add", clear_on_submit=True):
    name = st.text_input(t("name", lang), key="acc_name", autocomplete="off")
    password = st.text_input(t("password", lang), type="password", key="acc_password", autocomplete="new-password")
    again = st.text_input(tr("password_again", lang), type="password", key="acc_again", autocomplete="new-password")
    admin = st.checkbox(t("make_admin", lang), key="acc_admin")
    submitted = st.form_submit_button(t("create", lang), type="primary")
if submitted:
    if password != again:
        st.error(tr("passwords_differ", lang))
    else:
        try:
            bridge.add_account(name.strip(), password, admin=admin, added_by=user)
            st.success(t("created", lang, name=name.strip()))
        except bridge.PasswordError as exc:
            st.error(pick(exc.uk, exc.en, lang))

removable = sorted(n for n in made if n != user)
if removable:
    st.subheader(t("remove", lang))
    who = st.selectbox(t("pick", lang), removable, key="acc_remove_pick")
    if st.button(t("remove_button", lang), key="acc_remove"):
        bridge.remove_account(who)
        st.success(t("removed", lang, name=who))
