#!/usr/bin/env bash
# Knowledge-base search with many published articles, on PostgreSQL: how long this node takes to
# build its Lucene index at start, its memory with that index, and search latency over the REST
# API on one thread (bench/KbSearch.java, the JDK's HTTP client on the same machine).
# Usage: bench/kb-search.sh [articles] [queries]   (default: 100000 articles, 5000 measured queries)
source "$(dirname "$0")/common.sh"
articles=${1:-100000}
queries=${2:-5000}
jar=$(build_jar)
port=18082
db=xiaoer_bench_kb
workspace=00000000-0000-0000-0000-00000000b001
fresh_database_and_app
echo "writing $articles published articles (half Chinese, half English, ~80 words each)"
psql_ -d $db <<SQL
INSERT INTO workspaces (id, name, default_language, time_zone, currency, created_at, version)
VALUES ('$workspace', 'Bench shop', 'zh-CN', 'Asia/Shanghai', 'CNY', now(), 1);
INSERT INTO api_tokens (id, workspace_id, name, token_hash, scopes, created_at)
VALUES ('00000000-0000-0000-0000-00000000b002', '$workspace', 'bench', '$hash', 'READ,WRITE', now());
CREATE TEMP TABLE zh_words AS SELECT unnest(string_to_array(
  '化肥 肥料 复合肥 有机肥 尿素 磷肥 钾肥 种子 农药 除草剂 杀虫剂 果树 苹果 桃子 柑橘 水稻 小麦 玉米 蔬菜 大棚 浇水 施肥 发芽 见效 破损 包裹 快递 物流 退货 退款 补发 优惠券 理赔 拍照 照片 订单 发票 售后 服务站 村里 县城 到货 延迟 天气 干旱 下雨 质量 保质期 冷链 新鲜 腐烂 重量 规格 说明书 用量 安全 间隔期 收获 价格 包邮', ' ')) AS w;
CREATE TEMP TABLE en_words AS SELECT unnest(string_to_array(
  'fertilizer compound organic urea phosphate potash seeds pesticide herbicide insecticide orchard apple peach citrus rice wheat corn vegetables greenhouse water apply germinate effect damaged parcel courier delivery logistics return refund reship coupon claim photo picture order invoice aftersales station village county arrive delay weather drought rain quality shelf life cold chain fresh spoiled weight size manual dosage safety interval harvest price shipping free box label tracking', ' ')) AS w;
CREATE TEMP TABLE zh AS SELECT array_agg(w) AS a FROM zh_words;
CREATE TEMP TABLE en AS SELECT array_agg(w) AS a FROM en_words;
INSERT INTO kb_articles (id, workspace_id, translation_group, language, slug, title, body, category_id, tags, status,
                         version, author_name, reviewer_name, created_at, updated_at, published_at)
SELECT gen_random_uuid(), '$workspace', gen_random_uuid(), CASE WHEN i % 2 = 0 THEN 'zh-CN' ELSE 'en' END,
       'article-' || i, t.title, t.body, NULL, '', 'PUBLISHED', 1, 'bench', 'bench', now(), now(), now()
FROM generate_series(1, $articles) AS i,
LATERAL (SELECT
    (SELECT string_agg(CASE WHEN i % 2 = 0 THEN zh.a[1 + floor(random() * array_length(zh.a, 1))::int]
                            ELSE en.a[1 + floor(random() * array_length(en.a, 1))::int] END,
                       CASE WHEN i % 2 = 0 THEN '' ELSE ' ' END)
     FROM generate_series(1, 6) AS k, zh, en WHERE k > 0 * i) AS title,
    (SELECT string_agg(CASE WHEN i % 2 = 0 THEN zh.a[1 + floor(random() * array_length(zh.a, 1))::int]
                            ELSE en.a[1 + floor(random() * array_length(en.a, 1))::int] END,
                       CASE WHEN i % 2 = 0 THEN '' ELSE ' ' END)
     FROM generate_series(1, 80) AS k, zh, en WHERE k > 0 * i) AS body) AS t;
SQL

kill $pid; wait $pid 2>/dev/null || true
echo "restart (builds the index from the database):"
start_app
grep -o 'Knowledge index: [0-9]* published articles and FAQ phrasings in [0-9]* ms' "$log" | sed 's/^/  /'
sleep 5
echo "  RSS with the index: $(rss_mb $pid) MB"

"$JAVA" "$ROOT/bench/KbSearch.java" "http://127.0.0.1:$port" "$token" "$queries"
echo "  RSS after the queries: $(rss_mb $pid) MB"
