"""Hostile names the explorer tests plant in a build: the page and the server must show them as text."""

from __future__ import annotations

XSS_BODY = "<img src=x onerror=alert(1)>"
XSS_ALIAS = "<svg onload=alert(3)>"
XSS_CAMPAIGN = "<script>alert(7)</script>"
HOSTILE_ARTICLES = [
    {"id": "x1", "title": "<script>alert(2)</script>广州市总工会召开会议", "date": "2024-03-18",
     "text": "3月18日，广州市总工会召开党组会议，广州市总工会主席张<img src=x onerror=alert(4)>三主持会议并讲话。"
             "会议强调，要深入推进“百千万工程”，认真学习“一函两书”。"},
]
