#!/usr/bin/env bash
# The knowledge gaps report on PostgreSQL: a workspace without FAQ entries is asked the given number of
# Chinese questions over the REST API (each a gap: handed off as not understood), on the given number
# of topics in ten wordings each; then the report (GET /api/v1/assistant/gaps) is timed and the groups
# it found counted (bench/KnowledgeGaps.java).
# Usage: bench/knowledge-gaps.sh [questions] [topics]   (default: 2000 questions on 200 topics)
source "$(dirname "$0")/common.sh"
questions=${1:-2000}
topics=${2:-200}
jar=$(build_jar)
port=18084
db=xiaoer_bench_gaps
workspace=00000000-0000-0000-0000-00000000b201
fresh_database_and_app
psql_ -d $db <<SQL
INSERT INTO workspaces (id, name, default_language, time_zone, currency, created_at, version)
VALUES ('$workspace', 'Bench shop', 'zh-CN', 'Asia/Shanghai', 'CNY', now(), 1);
INSERT INTO api_tokens (id, workspace_id, name, token_hash, scopes, created_at)
VALUES ('00000000-0000-0000-0000-00000000b202', '$workspace', 'bench', '$hash', 'READ,WRITE', now());
SQL
"$JAVA" "$ROOT/bench/KnowledgeGaps.java" "http://127.0.0.1:$port" "$token" "$questions" "$topics"
