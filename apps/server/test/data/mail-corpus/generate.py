#!/usr/bin/env python3
"""Writes the desk's corpus of real-world mail shapes (issue 14, part 3): run it from this folder.

Each sample is what a mail client sends, by hand or through Python's email package: Outlook's
TNEF wrapper (the two .tnef files are real Outlook output, from node-tnef's test files, ISC
licence), odd charsets, nested multiparts, parts without a file name, one bad attachment among
good ones. The sender is always camille.martin@client.example, the desk support@portail.example.fr;
mail-corpus.http.test.ts puts a real customer's address in its place.
"""
import base64
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email import encoders

FROM = "Camille Martin <camille.martin@client.example>"
TO = "support@portail.example.fr"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
OLE2 = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def head(message, subject, message_id, charset="utf-8"):
    message["From"] = FROM
    message["To"] = TO
    message["Subject"] = Header(subject, charset)
    message["Message-ID"] = f"<{message_id}@client.example>"
    message["Date"] = "Mon, 23 Nov 2026 10:00:00 +0100"
    return message


def write(name, message):
    with open(name, "wb") as out:
        out.write(message.as_bytes())


def tnef_part(path):
    part = MIMEBase("application", "ms-tnef", name="winmail.dat")
    part.set_payload(open(path, "rb").read())
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename="winmail.dat")
    return part


# Outlook: a plain-text body and winmail.dat holding the files (a JPEG and an HTML page).
m = head(MIMEMultipart("mixed"), "[CLI-101] Erreur à la connexion", "outlook-winmail")
m.attach(MIMEText("Bonjour,\n\nVoici la capture de l'erreur à la connexion.\n\nCamille", "plain", "utf-8"))
m.attach(tnef_part("outlook-attachments.tnef"))
write("outlook-winmail.eml", m)

# Outlook in rich-text mode: nothing readable outside winmail.dat (its HTML body, three images).
m = head(MIMEMultipart("mixed"), "[CLI-102] Capture du tableau de bord", "outlook-tnef-only")
m.attach(tnef_part("outlook-html.tnef"))
write("outlook-tnef-only.eml", m)

# ISO-8859-1, quoted-printable, subject in an encoded word of the same charset.
import quopri
body = "Bonjour,\n\nLa facture de novembre est erronée : le forfait a été compté deux fois.\n"
raw = (
    f"From: {FROM}\r\nTo: {TO}\r\nSubject: [CLI-103] =?iso-8859-1?Q?Probl=E8me_de_facturation?=\r\n"
    "Message-ID: <latin1@client.example>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
).encode("ascii") + quopri.encodestring(body.replace("\n", "\r\n").encode("iso-8859-1"))
open("latin1-quoted-printable.eml", "wb").write(raw)

# Windows-1252, 8bit: the euro sign, typographic quotes and the oe ligature.
body = "Bonjour,\n\nLe cœur du problème : « le coût affiché est 12 € » au lieu de 10 €.\n"
raw = (
    f"From: {FROM}\r\nTo: {TO}\r\nSubject: [CLI-104] =?windows-1252?Q?Co=FBt_affich=E9_=80?=\r\n"
    "Message-ID: <cp1252@client.example>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
).encode("ascii") + body.replace("\n", "\r\n").encode("cp1252")
open("windows-1252-8bit.eml", "wb").write(raw)

# ISO-2022-JP (a Japanese subsidiary's mail client) and Shift_JIS in an attachment's name.
m = head(MIMEText("こんにちは。コンソールにログインできません。", "plain", "iso-2022-jp"), "[CLI-105] ログインできません", "jis", "iso-2022-jp")
write("iso-2022-jp.eml", m)

# Nested multiparts: mixed > (alternative > text, related > html + inline logo) + a PDF.
m = head(MIMEMultipart("mixed"), "[CLI-106] Sauvegardes en échec", "nested")
alternative = MIMEMultipart("alternative")
alternative.attach(MIMEText("Bonjour,\n\nLes sauvegardes échouent depuis le 20 novembre.\n", "plain", "utf-8"))
related = MIMEMultipart("related")
related.attach(MIMEText("<p>Bonjour,</p><p>Les sauvegardes <b>échouent</b> depuis le 20 novembre.</p><img src='cid:logo'>", "html", "utf-8"))
logo = MIMEImage(PNG, "png")
logo.add_header("Content-ID", "<logo>")
logo.add_header("Content-Disposition", "inline", filename="logo.png")
related.attach(logo)
alternative.attach(related)
m.attach(alternative)
report = MIMEApplication(PDF, "pdf")
report.add_header("Content-Disposition", "attachment", filename="rapport-sauvegarde.pdf")
m.attach(report)
write("nested-multiparts.eml", m)

# Parts without a file name: a PDF and a text log sent as bare parts.
m = head(MIMEMultipart("mixed"), "[CLI-107] Journal joint", "no-filename")
m.attach(MIMEText("Bonjour,\n\nLe journal et le rapport sont joints.\n", "plain", "utf-8"))
bare = MIMEApplication(PDF, "pdf")
m.attach(bare)
log = MIMEText("10:01 AccessDenied\n10:02 AccessDenied\n", "plain", "utf-8")
log.add_header("Content-Disposition", "attachment")
m.attach(log)
write("parts-without-filename.eml", m)

# HTML only, base64.
m = head(MIMEText("<html><body><p>Bonjour,</p><p>Le <i>portail</i> affiche une page blanche.</p></body></html>", "html", "utf-8"), "[CLI-108] Page blanche", "html-only")
write("html-only.eml", m)

# One bad file among good ones: a log, a Word 97 document, an RTF, a program and a "PNG" that is not.
m = head(MIMEMultipart("mixed"), "[CLI-109] Documents de la migration", "mixed-files")
m.attach(MIMEText("Bonjour,\n\nVous trouverez les documents de la migration.\n", "plain", "utf-8"))
for name, content in [
    ("migration.log", b"step 1 ok\nstep 2 failed\n"),
    ("cahier-des-charges.doc", OLE2),
    ("notes.rtf", b"{\\rtf1\\ansi Notes de migration}"),
    ("outil.exe", b"MZ\x90\x00" + b"\0" * 60),
    ("capture.png", b"GIF89a not a png"),
]:
    part = MIMEApplication(content, "octet-stream")
    part.add_header("Content-Disposition", "attachment", filename=name)
    m.attach(part)
write("one-bad-attachment.eml", m)

# A reply from Outlook in ISO-8859-15, quoting the history, to a ticket: its reference comes later.
m = head(MIMEText("Merci, le problème est résolu de notre côté.\n\n-----Message d'origine-----\nDe : Support\nObjet : votre demande\n", "plain", "iso-8859-15"), "RE: [{reference}] Erreur de connexion", "reply", "us-ascii")
write("reply-iso-8859-15.eml", m)
