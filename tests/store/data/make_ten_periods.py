"""Write a 10-period plan with the lederplan on PYTHONPATH: how ten-periods-f3f3e2f.json.gz was
made, with the landed main of before the journal (commit f3f3e2f)::

    git worktree add /tmp/old f3f3e2f
    PYTHONPATH=/tmp/old/src python tests/store/data/make_ten_periods.py /tmp/ten
    gzip -9 -n -c /tmp/ten/lederplan.json > tests/store/data/ten-periods-f3f3e2f.json.gz
"""

import sys
from datetime import date
from pathlib import Path

from lederplan.domain.demo import demo_plan
from lederplan.domain.periods import new_period
from lederplan.store.periods import start_period
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store

data = Path(sys.argv[1])
store = Store(data)
repo = PlanRepository(store)
plan = demo_plan("nb")
repo.replace_plans([plan], "before-demo")
for year in range(1, 10):
    current = repo.load().plan
    old, new = new_period(current, date(plan.date.year + year, 1, 6))
    start_period(store, current, old, new)
print(len(repo.load_all()), (data / "lederplan.json").stat().st_size)
