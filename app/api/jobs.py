"""``/api/jobs``: the background indexing jobs of the knowledge base and their progress."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app.api.schemas import ERRORS, JobOut
from partyqa.errors import NotFoundError


def make_jobs_router(kb: Any) -> APIRouter:
    """Routes listing the jobs of ``kb`` (a :class:`retrieval.knowledge.KnowledgeBase`)."""
    router = APIRouter(prefix="/api", tags=["partyqa"], responses=ERRORS)

    @router.get("/jobs", response_model=dict[str, list[JobOut]], summary="Indexing jobs")
    async def list_jobs() -> dict:
        """Waiting, running and recently finished jobs, newest first."""
        return {"jobs": [job.to_dict() for job in kb.jobs.jobs()]}

    @router.get("/jobs/{job_id}", response_model=JobOut, summary="One indexing job")
    async def get_job(job_id: str) -> dict:
        """Status, stage and progress of a job; ``errors`` lists files refused."""
        job = kb.jobs.get(job_id)
        if job is None:
            raise NotFoundError("no job with this id", user_message="没有这个任务。")
        return job.to_dict()

    return router
