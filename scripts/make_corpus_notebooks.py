"""Write notebooks 06–09 (the corpus notebooks) from their cell sources; run once after editing.

Cells stay thin: each calls the package (helpers.analysis.corpus/voices/actors/language and
helpers.figures.corpus_plots) and shows a table or saves a figure. ``--execute`` then runs the four
notebooks as the main build does (one at a time, outputs tidied so that reruns are byte-identical).
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
PARAMETERS = '''corpus = None  # a JSONL corpus (one article a line: id, source, date_extracted, title, author, url, content); None = the shipped corpus
output_dir = None  # None = figures/ for the shipped corpus, build/runs/<name>/ for another
min_articles = 15  # outlets with fewer articles are in the tables, not compared in the figures'''


def rtl(text: str) -> str:
    return f'<div dir="rtl" lang="ar" style="text-align:right">{text}</div>'


def save(index: int, slug: str, data: str, caption_ar: str, caption_en: str, alt: str) -> str:
    return f'''charts.save_figure(
    fig, run.figure_name({index}, "{slug}"), notebook=run.notebook, out_dir=run.figures_dir, data={data}, show=True,
    caption_ar="{caption_ar}",
    caption_en="{caption_en}",
    alt_text="{alt}",
)'''


def notebook(name: str, title: str, intro: str, setup: str, sections: list[tuple[str, str, list[str]]], extra: str = "") -> None:
    cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\n{rtl(intro)}")]
    cells.append(nbformat.v4.new_code_cell(PARAMETERS + extra, metadata={"tags": ["parameters"]}))
    cells.append(nbformat.v4.new_code_cell(setup))
    for heading, text, codes in sections:
        cells.append(nbformat.v4.new_markdown_cell(f"## {heading}\n\n{rtl(text)}"))
        cells += [nbformat.v4.new_code_cell(code) for code in codes]
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}})
    for k, cell in enumerate(nb.cells):
        cell.id = f"{name[:2]}-{k:02d}"
    nbformat.write(nb, NOTEBOOKS / f"{name}.ipynb")


IMPORTS = '''import pandas as pd
from IPython.display import HTML, display

from helpers.analysis import corpus as C
from helpers.figures import charts
from helpers.figures import corpus_plots as P
from helpers.figures.html import rtl_table
'''


notebook(
    "06-corpus-overview",
    "06 · نظرة عامة على المدونة — The corpus at a glance",
    "مدونة أمن الخليج ٢٠١٥ (٨٧٣ مقالًا من ١٣ مصدرًا سعوديًا، SaudiNewsNet): عدد المقالات والكلمات وكثافة الاقتباس لكل مصدر ولكل يوم، وتوزيع طول المقالات. "
    "الفترات حول كل عمود فترات ثقة (٩٥٪) من إعادة المعاينة بالمقالات، و(ن) عدد المقالات خلف العمود.",
    IMPORTS + '''
run = C.corpus_run("06-corpus-overview", corpus, output_dir)
tables = run.tables
print(f"{len(tables.articles)} articles, {tables.articles.n_tokens.sum():,} words, {len(tables.layer('quotes')):,} statements; "
      f"{len(tables.warnings)} loading warnings in {tables.warnings.doc_id.nunique()} articles")''',
    [
        ("1. المصادر — Articles and words by outlet", "عدد المقالات والكلمات والتصريحات لكل مصدر، وعدد التصريحات لكل ألف كلمة مع فترة ثقتها.", [
            '''outlets = C.overview_by_outlet(tables)
display(HTML(rtl_table(outlets.round(2))))''',
            '''shown = C.large_enough(outlets, min_articles)
fig, ax = charts.new_figure(width=7.5, height=1 + 0.4 * len(shown))
charts.barh(ax, shown.outlet_name_ar, shown.articles, color=charts.PALETTE[0])
charts.set_labels(ax, x="عدد المقالات")
charts.set_title(ax, "عدد المقالات في كل مصدر")
''' + save(1, "articles-by-outlet", "shown", "عدد مقالات المدونة في كل مصدر", "Articles of the corpus per outlet (outlets with at least 15 articles)", "Horizontal bars, one per outlet, counting its articles."),
            '''fig, ax = charts.new_figure(width=7.5, height=1 + 0.45 * len(shown))
P.interval_barh(ax, shown.outlet_name_ar, shown.per_1000, shown.per_1000_low, shown.per_1000_high, shown.articles, value_format="{:.1f}", color=charts.PALETTE[2])
charts.set_labels(ax, x="تصريحات لكل ألف كلمة")
charts.set_title(ax, "كثافة الاقتباس في كل مصدر")
''' + save(2, "quoting-density", "shown", "عدد التصريحات المنسوبة لكل ألف كلمة في كل مصدر، مع فترة ثقة ٩٥٪ بإعادة معاينة المقالات", "Statements per 1,000 words by outlet, with 95% bootstrap intervals over articles and the number of articles", "Horizontal bars with error bars, one per outlet, of statements per thousand words."),
        ]),
        ("2. الأيام — Articles and statements by day", "عدد المقالات والتصريحات في كل يوم (تاريخ الاستخراج في SaudiNewsNet، وهو تاريخ النشر غالبًا بعد ١ أغسطس ٢٠١٥).", [
            '''days = C.overview_by_day(tables)
display(HTML(rtl_table(days.assign(date=days.date.dt.strftime("%Y-%m-%d")).round(2))))''',
            '''long = days.melt(id_vars="date", value_vars=["articles", "statements"], var_name="series", value_name="count")
fig, ax = charts.new_figure(width=8, height=3.6)
P.daily_lines(ax, long, "date", "count", "series", {"articles": "المقالات", "statements": "التصريحات"})
charts.set_labels(ax, y="العدد")
charts.set_title(ax, "المقالات والتصريحات في كل يوم")
''' + save(3, "articles-by-day", "days", "عدد المقالات والتصريحات في كل يوم من أيام المدونة", "Articles and statements per day (SaudiNewsNet extraction dates)", "Two lines over the days of July and August 2015: articles and statements."),
        ]),
        ("3. طول المقالات — Article length", "توزيع طول المقالات بالكلمات في كل مصدر: الصندوق من الربيع الأول إلى الثالث، والخط الوسيط.", [
            '''lengths = C.length_distribution(tables)
display(HTML(rtl_table(lengths.round(0))))''',
            '''order = list(C.large_enough(lengths, min_articles).outlet_name_ar)
fig, ax = charts.new_figure(width=7.5, height=1 + 0.45 * len(order))
P.length_boxes(ax, tables.articles, "outlet_name_ar", "n_tokens", order)
charts.set_labels(ax, x="طول المقال (كلمة)")
charts.set_title(ax, "طول المقالات في كل مصدر")
''' + save(4, "article-length", "lengths", "توزيع طول المقالات بالكلمات في كل مصدر", "Article length in words by outlet (box: quartiles; line: median)", "Horizontal box plots, one per outlet, of article length in words."),
        ]),
    ],
)

VOICE_SETUP = IMPORTS + '''from helpers.analysis import voices as V

run = C.corpus_run("07-corpus-voices", corpus, output_dir)
tables = run.tables
statements = V.statements(tables)
print(f"{len(statements):,} statements by {statements.identity.nunique():,} speaker identities in {statements.doc_id.nunique()} articles")'''

notebook(
    "07-corpus-voices",
    "07 · الأصوات في المدونة — Who is given a voice",
    "من يُقتبس أكثر، وفي أي مصدر؟ لكل متحدث هوية واحدة في المدونة كلها (من المعجم الجغرافي أو ملف الأسماء <code>src/helpers/data/aliases.yaml</code>)، "
    "ونوع (مسؤول، مصدر مجهول، خبير، مواطن، هيئة، وسيلة إعلام) وأصل (سعودي، خليجي، أجنبي) من <code>speaker_types.yaml</code>؛ والملفان قابلان للتعديل.",
    VOICE_SETUP,
    [
        ("1. المتحدثون الأكثر اقتباسًا — The most quoted speakers", "عدد التصريحات والمقالات والمصادر لكل هوية، وعدد الصيغ التي ورد بها اسمه (<code>labels</code>).", [
            '''top = V.top_speakers(statements, 20)
display(HTML(rtl_table(top)))''',
            '''fig, ax = charts.new_figure(width=8, height=1 + 0.36 * len(top))
charts.barh(ax, [f"{r.speaker} ({r.articles} مقالًا)" for r in top.itertuples()], top.statements, color=charts.PALETTE[0])
charts.set_labels(ax, x="عدد التصريحات")
charts.set_title(ax, "المتحدثون الأكثر اقتباسًا في المدونة")
''' + save(1, "top-speakers", "top", "المتحدثون الأكثر اقتباسًا في المدونة، بهوية واحدة لكل شخص عبر المقالات", "The most quoted speakers of the corpus, one corpus-wide identity each, with the articles they speak in", "Horizontal bars counting statements per speaker, with the number of articles in each label."),
            '''by_outlet = V.speakers_by_outlet(statements, list(top.identity[:12]))
fig, ax = charts.new_figure(width=11, height=1.5 + 0.45 * len(by_outlet))
charts.heatmap(ax, by_outlet)
charts.set_title(ax, "تصريحات كل متحدث في كل مصدر")
''' + save(2, "speakers-by-outlet", "by_outlet.reset_index(names='speaker')", "عدد تصريحات كل متحدث من الأكثر اقتباسًا في كل مصدر", "Statements of the most quoted speakers in each outlet", "Heatmap with one row per speaker and one column per outlet, darker for fewer statements."),
        ]),
        ("2. أنواع المتحدثين — Officials, anonymous sources, experts, citizens", "حصة كل نوع من تصريحات كل مصدر.", [
            '''types = V.type_shares(statements)
display(HTML(rtl_table(types.round(3).reset_index())))
shown = C.large_enough(types, min_articles)
fig, ax = charts.new_figure(width=9, height=1.6 + 0.42 * len(shown))
P.stacked_shares(ax, shown.drop(columns="articles").set_axis([P.with_articles(o, n) for o, n in zip(shown.index, shown.articles)]))
charts.set_title(ax, "أنواع المتحدثين في كل مصدر")
''' + save(3, "speaker-types", "shown.reset_index()", "حصة كل نوع من المتحدثين من تصريحات كل مصدر", "Share of each outlet's statements by speaker type", "Stacked horizontal bars, one per outlet, split by speaker type."),
        ]),
        ("3. أصوات وطنية وأجنبية — National and foreign voices", "حصة الأصوات السعودية والخليجية من التصريحات المعروفة الأصل في كل مصدر، مع فترة ثقة ٩٥٪.", [
            '''national = V.national_share(statements, tables)
display(HTML(rtl_table(national.round(3))))''',
            '''shown = C.large_enough(national, min_articles)
fig, ax = charts.new_figure(width=7.5, height=1 + 0.45 * len(shown))
P.interval_barh(ax, shown.outlet_name_ar, shown.value, shown.low, shown.high, shown.articles, color=charts.PALETTE[2])
charts.set_labels(ax, x="حصة الأصوات السعودية والخليجية")
charts.set_title(ax, "الأصوات الوطنية في كل مصدر")
''' + save(4, "national-voices", "shown", "حصة الأصوات السعودية والخليجية من التصريحات المعروفة الأصل، مع فترة ثقة ٩٥٪ بإعادة معاينة المقالات", "Share of statements by Saudi or Gulf voices among those of known origin, by outlet, with 95% bootstrap intervals over articles", "Horizontal bars with error bars, one per outlet."),
        ]),
        ("4. بكلماتهم أم بصياغة الصحفي — Quoted words and paraphrase", "حصة كلمات كل مصدر التي هي كلمات المتحدث بين علامتي تنصيص، والتي هي صياغة الصحفي لكلام منسوب.", [
            '''shares = V.quoted_share(statements, tables)
display(HTML(rtl_table(shares.round(3))))''',
            '''shown = C.large_enough(shares, min_articles)
fig, (left, right) = charts.new_figure(width=10, height=1 + 0.45 * len(shown), ncols=2, sharey=False)
P.interval_barh(right, shown.outlet_name_ar, shown.value_quoted, shown.low_quoted, shown.high_quoted, shown.articles, color=charts.PALETTE[0])
P.interval_barh(left, shown.outlet_name_ar, shown.value_reported, shown.low_reported, shown.high_reported, shown.articles, color=charts.PALETTE[1])
charts.set_title(right, "بين علامتي تنصيص")
charts.set_title(left, "كلام منقول بصياغة الصحفي")
''' + save(5, "quoted-words", "shown", "حصة الكلمات المقتبسة بين علامتي تنصيص والكلام المنقول من كلمات كل مصدر، مع فترة ثقة ٩٥٪", "Share of each outlet's words quoted verbatim (right) and paraphrased (left), with 95% bootstrap intervals over articles", "Two panels of horizontal bars with error bars, one bar per outlet."),
        ]),
        ("5. من يتكلم في العناوين — Who speaks in headlines", "المتحدثون الذين يرد تصريحهم في عنوان المقال.", [
            '''headlines = V.headline_speakers(statements)
display(HTML(rtl_table(headlines)))''',
            '''fig, ax = charts.new_figure(width=7.5, height=1 + 0.36 * len(headlines))
charts.barh(ax, headlines.speaker, headlines.headlines, color=charts.PALETTE[3])
charts.set_labels(ax, x="عدد العناوين")
charts.set_title(ax, "من يتكلم في العناوين")
''' + save(6, "headline-speakers", "headlines", "المتحدثون الذين تُنسب إليهم تصريحات في عناوين المقالات", "Speakers quoted in headlines: number of headlines", "Horizontal bars counting headlines per speaker."),
        ]),
        ("6. استكشاف التصريحات — Explore the statements", "في JupyterLab: اختر المصدر والمتحدث والنوع أو اكتب كلمة، واقرأ كل تصريح في سياقه من اليمين إلى اليسار. دون واجهة تفاعلية يظهر جدول ثابت لأول التصريحات.", [
            '''P.explorer(V.statements_in_context(statements, tables))''',
        ]),
    ],
)

ACTOR_SETUP = IMPORTS + '''from helpers.analysis import actors as A
from helpers.analysis import voices as V

run = C.corpus_run("08-corpus-actors-themes", corpus, output_dir)
tables = run.tables
mentions = A.actors(tables)
labels = A.actor_labels(mentions)
key = [a for a in A.KEY_ACTORS if a in labels]
print(f"{len(mentions):,} actor mentions; key actors: {', '.join(labels[a] for a in key)}")'''

notebook(
    "08-corpus-actors-themes",
    "08 · الفاعلون والموضوعات — Actors and cooperation themes",
    "أين تظهر إيران ومجلس التعاون والتحالف في اليمن والحوثيون والناتو والاتفاق النووي والولايات المتحدة، في أي مصدر وفي أي يوم؟ وموضوعات التعاون الأمني (<code>themes.yaml</code>) ومن يحملها: الصحفي أم المتحدثون.",
    ACTOR_SETUP,
    [
        ("1. الفاعلون في كل مصدر — Actors by outlet", "حصة مقالات كل مصدر التي تذكر الفاعل مرة على الأقل، مع فترة ثقة ٩٥٪ في الجدول.", [
            '''actor_share = A.share_by_outlet(tables, mentions, "actor", key, labels)
shown = C.large_enough(actor_share, min_articles)
display(HTML(rtl_table(shown.round(3))))
grid = shown.pivot(index="outlet_name_ar", columns="label_ar", values="value")[[labels[a] for a in key]]
sizes = shown.drop_duplicates("outlet").set_index("outlet_name_ar").articles
grid = grid.loc[sizes.sort_values(ascending=False).index]
grid.index = [P.with_articles(o, sizes[o]) for o in grid.index]
fig, ax = charts.new_figure(width=11, height=1.6 + 0.45 * len(grid))
charts.heatmap(ax, grid, value_format="{:.0%}")
charts.set_title(ax, "حصة المقالات التي تذكر كل فاعل")
''' + save(1, "actors-by-outlet", "shown", "حصة مقالات كل مصدر التي تذكر كل فاعل (فترات الثقة في الجدول)", "Share of each outlet's articles that mention each actor (bootstrap intervals in the table)", "Heatmap with one row per outlet and one column per actor, the share of articles written in each cell."),
            '''iran = C.large_enough(actor_share[actor_share.actor == "iran"], min_articles).sort_values("value", ascending=False)
fig, ax = charts.new_figure(width=7.5, height=1 + 0.45 * len(iran))
P.interval_barh(ax, iran.outlet_name_ar, iran.value, iran.low, iran.high, iran.articles, color=charts.PALETTE[3])
charts.set_labels(ax, x="حصة المقالات التي تذكر إيران")
charts.set_title(ax, "إيران في كل مصدر")
''' + save(2, "iran-by-outlet", "iran", "حصة مقالات كل مصدر التي تذكر إيران، مع فترة ثقة ٩٥٪ بإعادة معاينة المقالات", "Share of each outlet's articles that mention Iran, with 95% bootstrap intervals over articles", "Horizontal bars with error bars, one per outlet."),
        ]),
        ("2. الفاعلون في كل يوم — Actors by day", "حصة مقالات اليوم التي تذكر الفاعل (الاتفاق النووي أُبرم في ١٤ يوليو ٢٠١٥).", [
            '''daily = A.by_day(tables, mentions, "actor", key, labels)
fig, axes = charts.new_figure(width=10, height=7, nrows=4, ncols=2, sharex=True, sharey=False)
P.daily_panels(axes[:, ::-1], daily, "date", "share", "actor", daily.drop_duplicates("date").set_index("date").day_articles, labels)
fig.suptitle(charts.ar("حصة مقالات كل يوم التي تذكر كل فاعل"), x=0.98, ha="right")
''' + save(3, "actors-by-day", "daily", "حصة مقالات كل يوم التي تذكر كل فاعل", "Share of each day's articles that mention each actor", "Lines over the days, one per actor."),
        ]),
        ("3. موضوعات التعاون في كل مصدر — Cooperation themes by outlet", "حصة مقالات كل مصدر التي تتناول كل موضوع.", [
            '''themes = tables.layer("themes")
theme_ids = A.top_themes(tables, 8)
theme_share = A.share_by_outlet(tables, themes, "theme_id", theme_ids, A.theme_labels(tables))
shown = C.large_enough(theme_share, min_articles)
display(HTML(rtl_table(shown.round(3))))
grid = shown.pivot(index="outlet_name_ar", columns="label_ar", values="value")[[A.theme_labels(tables)[t] for t in theme_ids]]
sizes = shown.drop_duplicates("outlet").set_index("outlet_name_ar").articles
grid = grid.loc[sizes.sort_values(ascending=False).index]
grid.index = [P.with_articles(o, sizes[o]) for o in grid.index]
grid.columns = [P.wrap(c, 14) for c in grid.columns]
fig, ax = charts.new_figure(width=12, height=2 + 0.45 * len(grid))
charts.heatmap(ax, grid, value_format="{:.0%}")
charts.set_title(ax, "حصة المقالات التي تتناول كل موضوع")
''' + save(4, "themes-by-outlet", "shown", "حصة مقالات كل مصدر التي تتناول كل موضوع من موضوعات التعاون (فترات الثقة في الجدول)", "Share of each outlet's articles with each cooperation theme (bootstrap intervals in the table)", "Heatmap with one row per outlet and one column per theme."),
        ]),
        ("4. من يحمل كل موضوع — The voice that carries each theme", "مواضع ذكر كل موضوع بصوت الصحفي، وفي الكلام المنقول، وبين علامتي تنصيص، والمتحدث الذي يذكره أكثر.", [
            '''carriers = A.theme_voices(tables)
display(HTML(rtl_table(carriers.round(3))))
shares = carriers.set_index("label_ar")[list(A.VOICE_LABELS)]
shares = shares.div(shares.sum(axis=1), axis=0)
shares.index = [P.wrap(P.with_articles(t, n) + (f" — {P.shorten(s, 30)}" if isinstance(s, str) else ""), 40)
                for t, n, s in zip(shares.index, carriers.articles, carriers.main_speaker)]
fig, ax = charts.new_figure(width=11, height=1.8 + 0.75 * len(shares))
P.stacked_shares(ax, shares, A.VOICE_LABELS)
charts.set_title(ax, "من يحمل كل موضوع: الصحفي أم المتحدثون")
''' + save(5, "theme-voices", "carriers", "حصة ذكر كل موضوع بصوت الصحفي وفي الكلام المنقول والمقتبس، مع المتحدث الذي يذكره أكثر", "Mentions of each theme in the journalist's words, in paraphrase and in quoted words, with the speaker who mentions it most", "Stacked horizontal bars, one per theme, split by voice."),
            '''statements = V.statements(tables)
display(HTML(rtl_table(A.actor_voices(tables, key, statements))))''',
        ]),
    ],
)

LANGUAGE_SETUP = IMPORTS + '''from helpers.analysis import language as L

run = C.corpus_run("09-corpus-language", corpus, output_dir)
tables = run.tables
words = L.words(tables)
outlets = list(tables.articles.outlet.value_counts().index[:4])
print(f"{len(words):,} words; keyness for {', '.join(outlets)}")'''

notebook(
    "09-corpus-language",
    "09 · لغة المصادر — The language of each outlet",
    "الكلمات المفتاحية لكل مصدر مقارنة ببقية المدونة وبالعربية العامة (wordfreq)، بالصيغة الأساسية للكلمة دون السوابق (والناتو، للناتو، الناتو كلمة واحدة)، ثم سياقات مصطلح مختار ومتلازماته في المدونة.",
    LANGUAGE_SETUP,
    [
        ("1. الكلمات المفتاحية مقارنة ببقية المدونة — Keywords against the rest of the corpus", "G² الموقّع: موجب حين تكثر الكلمة في المصدر عن بقية المدونة.", [
            '''rest = pd.concat([L.outlet_keyness(words, o, "rest", top=12) for o in outlets], ignore_index=True)
display(HTML(rtl_table(rest.round(3))))''',
            '''names = tables.articles.drop_duplicates("outlet").set_index("outlet").outlet_name_ar
fig, axes = charts.new_figure(width=11, height=5.5, ncols=len(outlets))
for ax, outlet in zip(axes[::-1], outlets):
    part = rest[rest.outlet == outlet]
    charts.barh(ax, part.form, part.g2, color=charts.PALETTE[0], value_format=None)
    charts.set_title(ax, names[outlet], fontsize=10)
''' + save(1, "keyness-vs-rest", "rest", "الكلمات المفتاحية لأكبر أربعة مصادر مقارنة ببقية المدونة (G²، بالصيغة الأساسية للكلمة)", "Keywords of the four largest outlets against the rest of the corpus (signed G², base forms without clitics)", "Four panels of horizontal bars, one per outlet, of the words most over-used against the rest of the corpus."),
        ]),
        ("2. الكلمات المفتاحية مقارنة بالعربية العامة — Keywords against general Arabic", "المرجع: تكرارات wordfreq للعربية، بالصيغة الأساسية نفسها.", [
            '''general = pd.concat([L.outlet_keyness(words, o, "reference", top=12) for o in outlets], ignore_index=True)
display(HTML(rtl_table(general.round(3))))''',
            '''fig, axes = charts.new_figure(width=11, height=5.5, ncols=len(outlets))
for ax, outlet in zip(axes[::-1], outlets):
    part = general[general.outlet == outlet]
    charts.barh(ax, part.form, part.g2, color=charts.PALETTE[2], value_format=None)
    charts.set_title(ax, names[outlet], fontsize=10)
''' + save(2, "keyness-vs-general", "general", "الكلمات المفتاحية لأكبر أربعة مصادر مقارنة بالعربية العامة (G²)", "Keywords of the four largest outlets against general Arabic (wordfreq; signed G², base forms)", "Four panels of horizontal bars, one per outlet, of the words most over-used against general Arabic."),
        ]),
        ("3. متلازمات المصطلح — Collocates of the term", "الكلمات التي ترد في حدود أربع كلمات من المصطلح في الفقرة نفسها، مرتبة بـ G².", [
            '''colloc = L.collocations(words, term, window=4, min_count=3, top=15)
display(HTML(rtl_table(colloc.round(2))))
fig, ax = charts.new_figure(width=7, height=1 + 0.36 * max(len(colloc), 1))
charts.barh(ax, colloc.collocate, colloc.g2, color=charts.PALETTE[4], value_format="{:.0f}")
charts.set_labels(ax, x="G²")
charts.set_title(ax, f"متلازمات «{term}» في المدونة")
''' + save(3, "collocates", "colloc", "متلازمات المصطلح المختار في المدونة (نافذة أربع كلمات، G²)", "Collocates of the chosen term across the corpus (window of four words within a paragraph, signed G²)", "Horizontal bars of the collocates' G² scores."),
        ]),
        ("4. المصطلح في سياقه — The term in context (KWIC)", "كل ورود للمصطلح مع سبع كلمات قبله وبعده، ومصدره وتاريخه.", [
            '''lines = L.kwic(tables, words, term)
print(f"{len(lines)} occurrences in {lines.doc_id.nunique()} articles of {lines.outlet.nunique()} outlets")
display(HTML(rtl_table(lines.assign(date=lines.date.dt.strftime("%Y-%m-%d"))[["outlet", "date", "before", "keyword", "after"]].head(40))))''',
        ]),
    ],
    extra='\nterm = "ناتو"  # the term of the concordance and collocations (ناتو also finds الناتو، للناتو، والناتو)',
)

if "--execute" in sys.argv:
    from helpers.pipeline.build import build, describe

    names = ("06-corpus-overview", "07-corpus-voices", "08-corpus-actors-themes", "09-corpus-language")
    print(describe(build([NOTEBOOKS / f"{n}.ipynb" for n in names], jobs=1, annotate=False)))
