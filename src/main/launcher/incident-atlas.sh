#!/bin/sh
# Starts the packaged Incident Atlas: sh target/incident-atlas.sh [FILE | --help | subcommand ...]
#
# Uses the class-data archive that the build wrote beside the jar (incident-atlas.jsa, from a training run
# of the app): the JVM then maps the classes of JavaFX, Jackson and the app instead of loading and verifying
# them, and the first frame comes ~0.6 s sooner. A missing archive, or one made by another JDK, is skipped
# silently and the app starts as with plain `java -jar`.
#
# JAVA_HOME picks the JDK (else java on PATH); ATLAS_JAVA_OPTS adds JVM options (e.g. -Xmx8g).
here=$(dirname "$0")
if [ -n "$JAVA_HOME" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
# shellcheck disable=SC2086 # ATLAS_JAVA_OPTS is a list of options
exec "$java" $ATLAS_JAVA_OPTS -XX:SharedArchiveFile="$here/incident-atlas.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$here/incident-atlas.jar" "$@"
