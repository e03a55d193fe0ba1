"""A store holding the sample corpus and some of everything else: status records, suggestions,
users and tokens, a saved search, a webhook and its deliveries."""

from __future__ import annotations

from sqlalchemy import select

from veedor.auth import add_user, create_token
from veedor.ingest.pipeline import IngestOptions, ingest_paths
from veedor.publish.searches import SearchSpec, save_search
from veedor.publish.webhooks import add_webhook
from veedor.samples import sample_dir
from veedor.store import Store
from veedor.store.models import DocumentRow, ItemRow, SuggestionRow
from veedor.track.status import Evidence, StatusChange, change_status

SECRET = "a-very-long-webhook-secret"


def ingest_samples(store: Store, *, embedder: str = "hashing") -> None:
    report = ingest_paths(store, [sample_dir()], options=IngestOptions(embedder=embedder))
    assert report.ok and report.count("ingested") == 10


def fill(store: Store) -> None:
    """The samples plus one of every kind of tracking record."""
    with store.session() as session:
        editor = add_user(session, "editora@example.org", "contraseña larga segura", role="editor")
        editor.name = "Editora Núñez"
        create_token(session, editor)
        editor_id = editor.id
        add_webhook(session, "https://hooks.example.org/veedor", events=["*"], secret=SECRET)
    ingest_samples(store)
    with store.session() as session:
        commitment = session.scalars(
            select(ItemRow).where(ItemRow.kind == "commitment").order_by(ItemRow.id)
        ).first()
        ask_id = session.scalars(
            select(ItemRow.ask_id).where(ItemRow.ask_id.is_not(None)).order_by(ItemRow.id)
        ).first()
        assert commitment is not None and ask_id is not None
        change_status(
            session,
            "ask",
            ask_id,
            StatusChange(
                to="in-progress",
                effective_date="2025-02-01",
                evidence=Evidence(url="https://example.org/noticia", quote="Comenzó el trámite."),
                note="Según la cancillería.",
            ),
            user_id=editor_id,
            user_email="editora@example.org",
        )
        doc = session.get(DocumentRow, commitment.document_id)
        assert doc is not None
        change_status(
            session,
            "commitment",
            commitment.id,
            StatusChange(
                to="in-progress",
                effective_date="2025-03-01",
                evidence=Evidence(document_id=doc.id, start=commitment.start, end=commitment.end),
            ),
        )
        session.add(
            SuggestionRow(
                subject_kind="ask",
                subject_id=ask_id,
                document_id=doc.id,
                start=0,
                end=20,
                text=doc.text[:20],
                proposed_status="met",
                effective_date="2025-04-01",
                score=0.61,
            )
        )
        save_search(session, "Asilo en México", SearchSpec(query="asilo", country="MEX"))
