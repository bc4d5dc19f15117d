"""`python -m etl passwd USER`: the line that gives USER an account, to paste into secrets.toml.

Asks for the password twice without echoing it (or reads one line from standard input with
`--stdin`, for scripts), and prints only `"USER" = "scrypt$..."`: the salted hash, never the
password. Paste the line under `[auth.accounts]` in `.streamlit/secrets.toml` (README, "Who may
load data"). Exit code 2 for an unacceptable name or password.
"""

from __future__ import annotations

import sys

import click

from activity.i18n import pick, translator
from etl.commands.options import shared_options
from etl.passwords import PasswordError, account_line, check_user_name

T = {
    "prompt": ("Пароль для {user}", "Password for {user}"),
    "again": ("Ще раз", "Repeat"),
    "paste": ("Вставте цей рядок у .streamlit/secrets.toml під [auth.accounts]:",
              "Paste this line into .streamlit/secrets.toml under [auth.accounts]:"),
}


t = translator(T)


@click.command(name="passwd")
@click.argument("user")
@click.option("--stdin", "from_stdin", is_flag=True, help="Read the password from one line of standard input.")
@shared_options
@click.pass_obj
def command(obj: dict | None, user: str, from_stdin: bool) -> None:
    """Print the secrets.toml line (a salted scrypt hash) that gives USER an account.

    The password is asked twice and never shown; the output holds only its hash. Paste the line
    under [auth.accounts] in .streamlit/secrets.toml and restart the app.
    """
    lang = (obj or {}).get("lang", "uk")
    try:
        check_user_name(user)
        if from_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = click.prompt(t("prompt", lang, user=user), hide_input=True, err=True,
                                    confirmation_prompt=t("again", lang))
        line = account_line(user, password)
    except PasswordError as exc:
        click.echo(pick(exc.uk, exc.en, lang), err=True)
        sys.exit(2)
    click.echo(t("paste", lang), err=True)
    click.echo(line)


COMMANDS = (command,)
