"""The driver script for ``spark-submit``: the same command as ``newsgraph spark``.

    spark-submit --master yarn ... "$(python -c 'import newsgraph.engines.spark_submit as m;
    print(m.__file__)')" INPUT... --out hdfs:///runs/day1

``spark-submit`` runs a file, not a console script, so this file only hands its arguments
to the ``spark`` command; the master is the one ``spark-submit`` was given.
"""

import sys

from newsgraph.cli import app

if __name__ == "__main__":
    app(["spark", *sys.argv[1:]], prog_name="newsgraph spark")
