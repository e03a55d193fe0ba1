"""A generated corpus for benchmarks: policy-style prose in English and Spanish.

Every sentence is assembled from fragments written here, at random but reproducibly (a seed),
so the benchmark measures the extractor on text shaped like the documents Veedor reads —
recommendations, commitments, figures and plain narrative — without shipping anyone's text.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

_EN = {
    "actor": [
        "The administration",
        "Congress",
        "The Department of Homeland Security",
        "The government of Mexico",
        "The State Department",
        "Donor governments",
        "The Guatemalan authorities",
        "Colombia's Congress",
    ],
    "modal": ["should", "must", "ought to", "needs to"],
    "verb": ["end", "expand", "fund", "restore", "investigate", "suspend", "protect", "publish"],
    "object": [
        "the detention of asylum-seeking families",
        "access to legal counsel for children",
        "programmes that protect human rights defenders",
        "independent investigations into enforced disappearances",
        "security assistance to units accused of abuses",
        "data on deportations and returns",
        "shelters along the northern border",
        "the search commission's budget",
    ],
    "place": ["in Honduras", "in El Salvador", "at the border", "in Venezuela", "in Chiapas", ""],
    "narrative": [
        "The report was released during a week of heavy rains in the region.",
        "Officials met with civil society representatives in the capital.",
        "Many families described long waits and little information about their cases.",
        "The hearing lasted several hours and covered a wide range of topics.",
        "Local journalists have followed these developments closely for years.",
        "The visit took place after months of negotiations between the two governments.",
        "Since the new rules took effect, lawyers working in the shelters have reported that "
        "people are often sent back before they can speak with anyone about their fears.",
        "The mission spoke with mothers searching for their sons, with local officials, and with "
        "members of the clergy who have sheltered families displaced by the violence.",
        "Over the past decade the region has seen repeated cycles of reform and backsliding, and "
        "the institutions created to investigate abuses remain underfunded and overstretched.",
        "In interviews, several officials acknowledged that coordination between agencies is "
        "weak and that the data they publish is incomplete and often months out of date.",
    ],
    "figure": [
        "More than {n:,} people were returned in {y}.",
        "At least {n:,} migrants crossed the Darién in {y}, according to official data.",
        "Homicides fell by {p} percent between {y} and {y2}.",
        "The agency recorded {n:,} complaints of abuse by {y}.",
    ],
    "commitment": [
        "The government announced a ${m} million, three-year programme to support returnees.",
        "The ministry will provide ${m} million for legal aid in {y2}.",
        "The administration pledged ${m} million in humanitarian assistance.",
    ],
    "urge": [
        "We urge you to {verb} {object}.",
        "We call on {actor_l} to {verb} {object} {place}.",
    ],
}

_ES = {
    "actor": [
        "El gobierno de México",
        "El Congreso",
        "Las autoridades guatemaltecas",
        "La Fiscalía General",
        "El Estado colombiano",
        "Los gobiernos donantes",
    ],
    "modal": ["debe", "debería", "tiene que"],
    "verb": ["garantizar", "investigar", "ampliar", "financiar", "suspender", "publicar"],
    "object": [
        "el acceso al asilo en la frontera",
        "la protección de las personas defensoras",
        "los programas de búsqueda de personas desaparecidas",
        "la asistencia legal para niñas y niños migrantes",
        "los datos sobre deportaciones",
    ],
    "place": ["en Honduras", "en la frontera sur", "en Venezuela", "en Chiapas", ""],
    "narrative": [
        "El informe se presentó en una conferencia de prensa en la capital.",
        "Varias organizaciones participaron en la reunión con funcionarios.",
        "Las familias relataron largas esperas y poca información sobre sus casos.",
        "La visita se realizó tras meses de negociaciones entre ambos gobiernos.",
        "Desde que entraron en vigor las nuevas reglas, las abogadas que trabajan en los "
        "albergues han documentado que muchas personas son devueltas sin ser escuchadas.",
        "La misión conversó con madres buscadoras, con funcionarios locales y con integrantes "
        "de la iglesia que han dado refugio a familias desplazadas por la violencia.",
        "Durante la última década la región ha vivido ciclos de reforma y retroceso, y las "
        "instituciones creadas para investigar los abusos siguen sin recursos suficientes.",
    ],
    "figure": [
        "Más de {n:,} personas fueron deportadas en {y}.",
        "Los homicidios bajaron un {p} por ciento entre {y} y {y2}.",
        "Al menos {n:,} personas cruzaron el Darién en {y}.",
    ],
    "commitment": [
        "El gobierno anunció un programa de {m} millones de dólares para apoyar a las personas retornadas.",
        "El ministerio destinará {m} millones de pesos a la asistencia legal en {y2}.",
    ],
    "urge": [
        "Instamos a {actor_l} a {verb} {object} {place}.",
        "Exhortamos a las autoridades a {verb} {object}.",
    ],
}


@dataclass(frozen=True)
class GeneratedDoc:
    name: str
    language: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _sentence(rng: random.Random, v: dict[str, list[str]]) -> str:
    roll = rng.random()
    numbers = {
        "n": rng.randrange(100, 500_000),
        "p": rng.randrange(2, 60),
        "m": rng.randrange(2, 400),
        "y": rng.randrange(2014, 2025),
        "y2": rng.randrange(2025, 2028),
    }
    words = {
        "actor": rng.choice(v["actor"]),
        "actor_l": rng.choice(v["actor"])[0].lower() + rng.choice(v["actor"])[1:],
        "modal": rng.choice(v["modal"]),
        "verb": rng.choice(v["verb"]),
        "object": rng.choice(v["object"]),
        "place": rng.choice(v["place"]),
    }
    # Shares calibrated on real policy documents: about one item per 70-80 words.
    if roll < 0.80:
        return rng.choice(v["narrative"])
    if roll < 0.87:
        return "{actor} {modal} {verb} {object} {place}.".format(**words).replace(" .", ".")
    if roll < 0.90:
        return rng.choice(v["urge"]).format(**words).replace(" .", ".")
    if roll < 0.96:
        return rng.choice(v["figure"]).format(**numbers)
    return rng.choice(v["commitment"]).format(**numbers)


def generate(count: int, *, words_per_doc: int = 1500, seed: int = 7) -> Iterator[GeneratedDoc]:
    """``count`` documents of about ``words_per_doc`` words, a quarter of them in Spanish."""
    rng = random.Random(seed)
    for n in range(count):
        language = "es" if n % 4 == 3 else "en"
        vocab = _ES if language == "es" else _EN
        title = "Informe de muestra" if language == "es" else "Sample report"
        parts = [f"{title} {n} (generated for benchmarks)", ""]
        words = 0
        while words < words_per_doc:
            if rng.random() < 0.1:
                heading = "Recomendaciones" if language == "es" else "Recommendations"
                parts += [heading, ""]
            paragraph = " ".join(_sentence(rng, vocab) for _ in range(rng.randrange(2, 7)))
            if rng.random() < 0.15:
                paragraph = "- " + paragraph
            parts += [paragraph, ""]
            words += len(paragraph.split())
        yield GeneratedDoc(f"bench-{n:06d}.txt", language, "\n".join(parts))


_QUALIFIERS_EN = [
    "",
    "without delay",
    "before the end of the fiscal year",
    "in consultation with civil society",
    "and report publicly on progress",
    "as a matter of priority",
]
_QUALIFIERS_ES = ["", "sin demora", "antes de fin de año", "con participación de la sociedad civil"]


# Many distinct requests, so a large database has many asks (the hard case for linking).
_NOUNS_EN = [
    "shelters",
    "courts",
    "prosecutors",
    "journalists",
    "defenders",
    "elections",
    "police",
    "soldiers",
    "judges",
    "unions",
    "farmers",
    "women",
    "children",
    "migrants",
    "refugees",
    "deportees",
    "prisons",
    "clinics",
    "schools",
    "wages",
    "visas",
    "permits",
    "sanctions",
    "loans",
    "tariffs",
    "forests",
    "rivers",
    "mines",
    "pipelines",
    "ports",
    "airports",
    "hospitals",
    "archives",
    "budgets",
    "audits",
    "contracts",
    "investigations",
    "trials",
    "reparations",
    "registries",
    "databases",
]
_ADJS_EN = [
    "independent",
    "regional",
    "municipal",
    "rural",
    "indigenous",
    "military",
    "civilian",
    "federal",
    "temporary",
    "humanitarian",
    "forensic",
    "electoral",
    "judicial",
    "financial",
    "environmental",
    "coastal",
    "northern",
    "southern",
]
_NOUNS_ES = [
    "albergues",
    "tribunales",
    "fiscales",
    "periodistas",
    "defensoras",
    "elecciones",
    "policías",
    "jueces",
    "sindicatos",
    "mujeres",
    "niñas",
    "migrantes",
    "refugiados",
    "cárceles",
    "clínicas",
    "escuelas",
    "salarios",
    "visas",
    "permisos",
    "bosques",
    "ríos",
    "minas",
    "puertos",
    "hospitales",
    "archivos",
    "presupuestos",
    "auditorías",
    "contratos",
    "registros",
]
_ADJS_ES = [
    "independientes",
    "regionales",
    "municipales",
    "rurales",
    "indígenas",
    "militares",
    "civiles",
    "federales",
    "temporales",
    "humanitarios",
    "forenses",
    "electorales",
    "judiciales",
    "financieros",
    "ambientales",
]


@dataclass(frozen=True)
class GeneratedRecommendation:
    text: str
    language: str
    kinds: tuple[str, ...]


def recommendations(count: int, *, seed: int = 5) -> Iterator[GeneratedRecommendation]:
    """``count`` recommendation sentences (a fifth in Spanish) addressed to varied actors."""
    rng = random.Random(seed)
    for n in range(count):
        spanish = n % 5 == 4
        v = _ES if spanish else _EN
        actor = rng.choice(v["actor"])
        foreign = any(w in actor for w in ("Mexico", "Guatemal", "Colombia", "México", "Estado"))
        kinds = ("foreign-government",) if foreign else ("us-executive",)
        qualifier = rng.choice(_QUALIFIERS_ES if spanish else _QUALIFIERS_EN)
        if spanish:
            thing = (
                f"los {rng.choice(_NOUNS_ES)} {rng.choice(_ADJS_ES)} y los {rng.choice(_NOUNS_ES)}"
            )
        else:
            thing = f"{rng.choice(_ADJS_EN)} {rng.choice(_NOUNS_EN)} and {rng.choice(_NOUNS_EN)}"
        obj = rng.choice(v["object"]) if rng.random() < 0.3 else thing
        text = " ".join(
            part
            for part in (
                actor,
                rng.choice(v["modal"]),
                rng.choice(v["verb"]),
                obj,
                rng.choice(v["place"]),
                qualifier,
            )
            if part
        )
        yield GeneratedRecommendation(text + ".", "es" if spanish else "en", kinds)
