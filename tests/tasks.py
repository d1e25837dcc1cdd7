"""Run queued django-tasks in a test, as the database worker (`db_worker`) does."""


def run_tasks(*, backend_name, queue_name, rounds=20):
    """Run the ready tasks of a queue until none is ready (at most `rounds`).

    The worker's own loop (`db_worker --batch`) closes database connections between tasks,
    which would end the test's transaction; its `run_task` is what runs each task. Every task
    must succeed.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=[queue_name],
        interval=0,
        batch=True,
        backend_name=backend_name,
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    for _round in range(rounds):
        task_result = (
            DBTaskResult.objects.ready()
            .filter(backend_name=backend_name, queue_name=queue_name)
            .order_by("enqueued_at")
            .first()
        )
        if task_result is None:
            return
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)
        task_result.refresh_from_db()
        assert task_result.status == "SUCCESSFUL", task_result.traceback
