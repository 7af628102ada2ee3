#!/bin/sh
# Starts the packaged Incident Atlas: sh target/incident-atlas.sh [FILE | --help | subcommand ...]
#
# Uses the class-data archive that the build wrote beside the jar (incident-atlas.jsa, from a training run
# of the app): the JVM then maps the classes of JavaFX, Jackson and the app instead of loading and verifying
# them, and the first frame comes ~0.6 s sooner. A missing archive, or one made by another JDK, is skipped
# silently and the app starts as with plain `java -jar`.
#
# It also asks the JIT to wait ten times longer than usual before compiling a method with its optimising
# compiler (C2). At start-up thousands of JavaFX methods turn warm at once; on a two-core machine C2 compiling
# them took a core from the FX thread while it built the first frame, which came ~0.4 s later (medians of
# alternated runs: 2,159 vs 1,696 ms, 2,338 vs 1,956 ms, 2,284 vs 1,884 ms; docs/decisions/0010). Hot loops,
# such as reading a million incidents, pass the higher thresholds within milliseconds: big files load no slower.
#
# JAVA_HOME picks the JDK (else java on PATH); ATLAS_JAVA_OPTS adds JVM options (e.g. -Xmx8g).
here=$(dirname "$0")
if [ -n "$JAVA_HOME" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
# shellcheck disable=SC2086 # ATLAS_JAVA_OPTS is a list of options
exec "$java" -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 \
    -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000 \
    $ATLAS_JAVA_OPTS -XX:SharedArchiveFile="$here/incident-atlas.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$here/incident-atlas.jar" "$@"
