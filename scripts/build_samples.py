"""Build the binary documents of the bundled sample corpus (PDF and DOCX).

The sample corpus in ``src/veedor/samples/`` holds short fictional documents in every format
Veedor reads. The plain-text, Markdown and HTML samples are edited by hand; the PDF and Word
samples are generated from the sources below (kept here, outside the package, so the corpus
does not hold each text twice):

    .venv/bin/python scripts/build_samples.py           # (re)write the .pdf and .docx files
    .venv/bin/python scripts/build_samples.py --check   # fail if they are out of date

The output is deterministic: fixed creation dates in the PDF and DOCX properties and fixed
timestamps inside the DOCX zip, so rebuilding unchanged sources gives byte-identical files (and
the same SHA-256, which is how Veedor recognises a document it has already stored).

Source markup, one block per blank-line-separated chunk:
    "# "  document title            "## " section heading
    "> "  masthead line (italic)     "- "  bullet item, "1. " numbered item (one per line)
    anything else is a paragraph (its lines are joined with spaces).
PDF samples use the core Helvetica font, so their text must be Latin-1 (no curly quotes,
dashes or bullets); the script checks this.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import docx
from docx.shared import Pt
from fpdf import FPDF

OUT = Path(__file__).resolve().parent.parent / "src" / "veedor" / "samples"

Kind = Literal["title", "heading", "masthead", "paragraph", "bullet", "number"]
Block = tuple[Kind, str]
_ITEM = re.compile(r"^(?:- |\d{1,2}[.)] )")


@dataclass(frozen=True)
class Sample:
    filename: str
    title: str
    author: str
    published: dt.date
    language: str
    subject: str
    source: str

    @property
    def created(self) -> dt.datetime:
        return dt.datetime.combine(self.published, dt.time(9, 0), tzinfo=dt.UTC)


def parse(source: str) -> list[Block]:
    """The blocks of a source text (see the module docstring for the markup)."""
    blocks: list[Block] = []
    for chunk in source.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        first = lines[0]
        if first.startswith("## "):
            blocks.append(("heading", " ".join(lines)[3:]))
        elif first.startswith("# "):
            blocks.append(("title", " ".join(lines)[2:]))
        elif first.startswith("> "):
            blocks.extend(("masthead", line.removeprefix("> ")) for line in lines)
        elif _ITEM.match(first):
            items: list[str] = []
            for line in lines:
                if _ITEM.match(line):
                    items.append(line)
                else:
                    items[-1] += " " + line  # a wrapped item line
            for item in items:
                kind: Kind = "bullet" if item.startswith("- ") else "number"
                blocks.append((kind, _ITEM.sub("", item, count=1)))
        else:
            blocks.append(("paragraph", " ".join(lines)))
    return blocks


# --------------------------------------------------------------------------------------------
# The sources. Every organisation, person, programme and figure below is invented.
# --------------------------------------------------------------------------------------------

BRIEF_DARIEN = Sample(
    filename="brief-darien-crossing.pdf",
    title="Crossing the Darién: A Humanitarian Agenda for Panama, Colombia and the United States",
    author="Ana Beltrán, Marcus Hale",
    published=dt.date(2024, 11, 20),
    language="en-US",
    subject="Policy brief on migration through the Darién Gap (fictional sample)",
    source="""
# Crossing the Darién: A Humanitarian Agenda for Panama, Colombia and the United States

FICTIONAL SAMPLE - written for the Veedor demo; the institute, the authors and all figures
are invented.

> Northbridge Policy Institute (fictional) | Policy Brief No. 7 | November 20, 2024
> By Ana Beltrán and Marcus Hale

## Summary

The Darién jungle between Colombia and Panama has become one of the most dangerous
migration routes in the world. An estimated 298,000 people crossed it in 2023 and about
241,000 in the first ten months of 2024, most of them from Venezuela, Ecuador, Haiti and
Colombia itself. Roughly one in five was a child. This brief reviews the policies of the
three governments most involved and proposes a humanitarian agenda built on protection
rather than deterrence.

## Background

In July 2024 the government of Panama announced that it would close informal trails, and it
began deportation flights under a new agreement with the United States. Crossings fell by 40
percent in the following three months, but aid groups report that people now take longer and
more isolated paths, where the risk of drowning, robbery and sexual violence is higher. Medical
teams at the reception stations of Lajas Blancas and Bajo Chiquito treated more than 1,700
survivors of sexual violence in 2023 alone.

On the Colombian side, armed groups control the departure points around the Gulf of Urabá and
charge each migrant between $170 and $400 for passage. The Colombian state has little presence
in these areas beyond occasional police operations, and local communities that refuse to
cooperate with the smugglers face threats.

Deterrence has moved the route; it has not made it safer. The recommendations below are
addressed to the three governments that share responsibility for what happens in the jungle.

## Recommendations

To the government of Panama:

- Guarantee access to asylum procedures for everyone who arrives at the reception stations,
  and screen every person for protection needs before any deportation.
- Allow humanitarian organisations unrestricted access to the reception stations and to the
  communities along the route.

To the government of Colombia:

- Investigate the armed groups that profit from smuggling in Urabá and protect the
  communities that refuse to work with them.
- Provide drinking water, medical care and information on the risks of the route at the
  departure points.

To the U.S. Congress and the administration:

- Condition funding for deportation flights from Panama on independent monitoring of asylum
  screenings.
- Increase humanitarian funding for shelters and medical care along the route, including in
  Colombia and Costa Rica.
- Expand safe and legal pathways, such as refugee resettlement and family reunification, so
  that fewer people need to risk the crossing.

Governments must judge their policies by the number of lives they protect, not only by the
number of crossings they prevent.

Ana Beltrán is a senior fellow and Marcus Hale a research associate at the Northbridge Policy
Institute (fictional).
""",
)

NOTA_REGULARIZACION = Sample(
    filename="nota-regularizacion-andina.pdf",
    title="Regularizar para proteger: la migración venezolana en Ecuador y Perú",
    author="Valeria Cóndor, Julián Paredes",
    published=dt.date(2024, 12, 3),
    language="es",
    subject="Nota de política sobre regularización migratoria (muestra ficticia)",
    source="""
# Regularizar para proteger: la migración venezolana en Ecuador y Perú

MUESTRA FICTICIA - texto escrito para la demostración de Veedor; el centro, los autores y las
cifras son inventados.

> Centro de Estudios Andinos (muestra) | Nota de política n.º 12 | 3 de diciembre de 2024
> Por Valeria Cóndor y Julián Paredes

## Resumen

Cerca de 1,5 millones de personas venezolanas viven hoy en Perú y unas 440.000 en Ecuador.
Según nuestra encuesta a 1.200 hogares de Lima, Quito y Guayaquil, el 42 por ciento de ellas
no tiene un permiso de residencia vigente, lo que las excluye del empleo formal, de la salud
pública y, en muchos casos, de la escuela. Esta nota analiza los procesos de regularización de
ambos países y propone medidas concretas para sus gobiernos y para los donantes.

## Contexto

En 2023 el Gobierno de Ecuador puso en marcha un proceso de regularización que, hasta octubre
de 2024, había entregado 96.000 visas de residencia temporal, muy por debajo de las 200.000
previstas. Los requisitos de antecedentes penales apostillados y el costo del trámite dejaron
fuera a miles de familias.

En Perú, el permiso temporal creado en 2021 venció para muchas personas que no pudieron
renovarlo por su costo. Al mismo tiempo, los discursos que vinculan la migración con la
inseguridad se han multiplicado: las organizaciones que consultamos registraron 3.400 denuncias
de discriminación contra personas venezolanas en 2023, un 25 por ciento más que el año anterior.

Una persona sin documentos no puede denunciar un delito sin temor a ser expulsada, ni firmar un
contrato de trabajo. La irregularidad no protege a nadie: alimenta la explotación laboral y las
economías criminales.

## Recomendaciones

Al Gobierno de Ecuador:

- Ampliar el proceso de regularización a quienes entraron al país después de 2022 y reducir
  su costo.
- Garantizar que niñas y niños puedan matricularse en la escuela aunque no tengan documentos
  de identidad vigentes.

Al Gobierno de Perú:

- Suspender las expulsiones sumarias de personas venezolanas y garantizar el debido proceso en
  los procedimientos migratorios.
- Eliminar el cobro por la renovación de los permisos temporales de permanencia.

A la comunidad internacional y a los donantes:

- Financiar programas de integración local en las ciudades con más población migrante, con
  participación de las propias comunidades.

Los gobiernos de la región deben entender la regularización como una política de seguridad y
de desarrollo, y no como una concesión.

Valeria Cóndor es investigadora principal y Julián Paredes es investigador asociado del Centro
de Estudios Andinos (muestra).
""",
)

CARTA_DETENCION = Sample(
    filename="carta-detencion-migratoria.docx",
    title="Carta a la Secretaría de Gobernación sobre la detención en estaciones migratorias",
    author="Red Sur de Albergues (muestra)",
    published=dt.date(2025, 4, 22),
    language="es-MX",
    subject="Carta de organizaciones de la sociedad civil (muestra ficticia)",
    source="""
MUESTRA FICTICIA — texto escrito para la demostración de Veedor; las organizaciones, las
personas y las cifras son inventadas.

> Ciudad de México, 22 de abril de 2025

> Titular de la Secretaría de Gobernación
> Gobierno de México
> Presente

Estimada Secretaria de Gobernación:

Las organizaciones abajo firmantes, que acompañamos a personas migrantes y solicitantes de
asilo en el sur y el norte de México, nos dirigimos a usted para expresar nuestra preocupación
por las condiciones de detención en las estaciones migratorias del Instituto Nacional de
Migración (INM).

Entre enero y marzo de 2025 visitamos nueve estaciones migratorias y estancias provisionales en
Chiapas, Tabasco, Veracruz y Nuevo León. Encontramos espacios ocupados hasta el triple de su
capacidad, falta de atención médica y personas que llevaban detenidas más de 40 días.
Entrevistamos a 164 personas: 61 de ellas dijeron no haber recibido información sobre su
derecho a solicitar asilo, y 23 eran niñas, niños o adolescentes.

La ley mexicana prohíbe desde 2020 la detención de niñas, niños y adolescentes migrantes. Sin
embargo, en tres de las estaciones visitadas encontramos familias con hijos pequeños que
permanecían encerradas junto con adultos desconocidos.

Por ello, respetuosamente le solicitamos:

1. Poner fin a la detención de familias con niñas, niños y adolescentes y canalizarlas a
alternativas de cuidado en la comunidad.
2. Permitir el acceso regular de organizaciones de la sociedad civil y de la Comisión Nacional
de los Derechos Humanos a todas las estaciones migratorias.
3. Garantizar que toda persona detenida reciba información sobre su derecho a solicitar asilo y
pueda comunicarse con la COMAR y con un abogado.
4. Publicar cada mes el número de personas detenidas, su nacionalidad y la duración de su
detención.

Asimismo, le instamos a acordar con la COMAR un plan para reducir el rezago de solicitudes de
asilo, que hoy supera los 90.000 casos.

Quedamos a su disposición para reunirnos con usted o con su equipo y compartir los resultados
completos de nuestras visitas.

Atentamente,

Red Sur de Albergues (muestra)

Clínica Jurídica Migrante (muestra)

Observatorio Fronterizo Ficticio

Colectivo Huellas de Búsqueda (muestra)
""",
)

ANUNCIO_COLOMBIA = Sample(
    filename="anuncio-integracion-colombia.docx",
    title="Gobierno de Colombia lanza plan de integración para personas migrantes venezolanas",
    author="Oficina de Prensa de la Cancillería (ficticia)",
    published=dt.date(2024, 10, 15),
    language="es-CO",
    subject="Comunicado de gobierno con compromisos de financiamiento (muestra ficticia)",
    source="""
# Gobierno de Colombia lanza plan de integración para personas migrantes venezolanas

MUESTRA FICTICIA — texto escrito para la demostración de Veedor; el plan, las cifras y las
declaraciones son inventados y ningún gobierno los ha anunciado.

> Comunicado de prensa | Bogotá, 15 de octubre de 2024

El Gobierno de Colombia presentó hoy el plan «Raíces Compartidas», una estrategia para la
integración social y económica de las personas migrantes procedentes de Venezuela y de las
comunidades que las acogen.

El Gobierno destinará 48.000 millones de pesos durante tres años a programas de empleo,
vivienda y salud en los diez municipios con mayor población migrante, entre ellos Cúcuta,
Riohacha y Barranquilla.

El Ministerio de Salud ampliará la afiliación al sistema público de salud a 300.000 personas
migrantes con permiso de permanencia vigente antes de diciembre de 2025. Por su parte, el
Ministerio de Educación se comprometió a garantizar un cupo escolar para todas las niñas y los
niños migrantes, sin importar su situación migratoria.

El plan incluye además las siguientes medidas:

- Una ventanilla única en Cúcuta para tramitar permisos, convalidar estudios y afiliarse a la
  salud.
- Créditos para 5.000 pequeños negocios de personas migrantes y de colombianos retornados.
- Una campaña nacional contra la xenofobia en escuelas y medios de comunicación.

## Cooperación internacional

Estados Unidos aportará 10 millones de dólares al componente de empleo del plan, según anunció
su embajada en Bogotá.

## Contexto

Colombia acoge hoy a cerca de 2,8 millones de personas venezolanas, más que cualquier otro país.
Según cifras oficiales, el 60 por ciento de ellas trabaja en la informalidad.

«La integración no es un gasto, es una inversión en el futuro del país», afirmó la canciller
durante la presentación. El Gobierno está comprometido con una migración ordenada, segura y
regular, y con el respeto de los derechos de todas las personas migrantes.
""",
)

PDF_SAMPLES = [BRIEF_DARIEN, NOTA_REGULARIZACION]
DOCX_SAMPLES = [CARTA_DETENCION, ANUNCIO_COLOMBIA]


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")


def _latin1(text: str, sample: Sample) -> str:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError as exc:
        bad = text[exc.start : exc.end]
        raise SystemExit(
            f"{sample.filename}: {bad!r} is not Latin-1; the PDF core font cannot show it"
        ) from None
    return text


def render_pdf(sample: Sample) -> bytes:
    pdf = _Pdf(format="A4")
    pdf.set_title(sample.title)
    pdf.set_author(sample.author)
    pdf.set_subject(sample.subject)
    pdf.set_creator("Veedor scripts/build_samples.py")
    pdf.set_producer("fpdf2")
    pdf.set_lang(sample.language)
    pdf.set_creation_date(sample.created)
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    number = 0
    for kind, raw in parse(sample.source):
        text = _latin1(raw, sample)
        if kind == "title":
            pdf.set_font("Helvetica", style="B", size=17)
            pdf.multi_cell(width, 8, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind == "heading":
            pdf.ln(2)
            pdf.set_font("Helvetica", style="B", size=13)
            pdf.multi_cell(width, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "masthead":
            pdf.set_font("Helvetica", style="I", size=10)
            pdf.multi_cell(width, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        elif kind in ("bullet", "number"):
            number = number + 1 if kind == "number" else 0
            mark = f"{number}." if kind == "number" else "-"
            pdf.set_font("Helvetica", size=10.5)
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(width - 4, 5.5, f"{mark} {text}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
            continue
        else:
            pdf.set_font("Helvetica", size=10.5)
            pdf.multi_cell(width, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        if kind != "masthead":
            pdf.ln(3)
        number = 0
    return bytes(pdf.output())


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same zip archive with every member stamped ``when`` (python-docx uses "now")."""
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def render_docx(sample: Sample) -> bytes:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    props = document.core_properties
    props.title = sample.title
    props.author = sample.author
    props.subject = sample.subject
    props.language = sample.language
    props.keywords = "Veedor; sample; fictional"
    props.comments = "Fictional sample written for the Veedor demo."
    props.last_modified_by = sample.author
    props.created = sample.created.replace(tzinfo=None)
    props.modified = sample.created.replace(tzinfo=None)
    props.revision = 1
    for kind, text in parse(sample.source):
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "masthead":
            document.add_paragraph().add_run(text).italic = True
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "number":
            document.add_paragraph(text, style="List Number")
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), sample.created)


def build() -> dict[str, bytes]:
    """Every generated file's name and content."""
    renderers: list[tuple[list[Sample], Callable[[Sample], bytes]]] = [
        (PDF_SAMPLES, render_pdf),
        (DOCX_SAMPLES, render_docx),
    ]
    return {s.filename: render(s) for samples, render in renderers for s in samples}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out", type=Path, default=OUT, help="folder to write (default: %(default)s)"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; fail if a file is missing or stale"
    )
    args = parser.parse_args(argv)
    stale = []
    for name, content in build().items():
        path: Path = args.out / name
        current = path.read_bytes() if path.exists() else None
        if args.check:
            if current != content:
                stale.append(name)
            continue
        if current != content:
            path.write_bytes(content)
            print(f"wrote {path} ({len(content):,} bytes)")
        else:
            print(f"unchanged {path}")
    if stale:
        print("out of date (run scripts/build_samples.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
