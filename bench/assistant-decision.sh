#!/usr/bin/env bash
# The assistant's decision with a large FAQ, on PostgreSQL: a workspace with the given number of
# Chinese FAQ entries (five phrasings each, made from product × problem templates), how long the
# first decision takes (it trains the workspace's model), the server's memory before and after the
# embedding models load, and decision latency over the REST API on one thread
# (bench/AssistantDecision.java, POST /api/v1/assistant/decisions, each decision also recorded), and
# the server's CPU time a decision.
# Usage: bench/assistant-decision.sh [entries] [decisions]   (default: 2000 entries, 3000 measured decisions)
source "$(dirname "$0")/common.sh"
entries=${1:-2000}
decisions=${2:-3000}
jar=$(build_jar)
port=18083
db=xiaoer_bench_assistant
workspace=00000000-0000-0000-0000-00000000b101
fresh_database_and_app
echo "writing $entries FAQ entries (Chinese, a question and four phrasings each)"
psql_ -d $db <<SQL
INSERT INTO workspaces (id, name, default_language, time_zone, currency, created_at, version)
VALUES ('$workspace', 'Bench shop', 'zh-CN', 'Asia/Shanghai', 'CNY', now(), 1);
INSERT INTO api_tokens (id, workspace_id, name, token_hash, scopes, created_at)
VALUES ('00000000-0000-0000-0000-00000000b102', '$workspace', 'bench', '$hash', 'READ,WRITE', now());
CREATE TEMP TABLE products AS SELECT p, row_number() OVER () AS n FROM unnest(string_to_array(
  '复合肥 有机肥 尿素 磷肥 钾肥 水稻种子 玉米种子 小麦种子 蔬菜种子 杀虫剂 除草剂 杀菌剂 叶面肥 生根粉 地膜 滴灌带 喷雾器 苹果苗 桃树苗 柑橘苗 草莓苗 西瓜种子 辣椒种子 番茄种子 黄瓜种子 土壤调理剂 微生物菌剂 水溶肥 缓释肥 种衣剂 防虫网 遮阳网 大棚膜 营养土 育苗盘 修枝剪 农用无人机 播种机 饲料 兽药', ' ')) AS p;
CREATE TEMP TABLE problems AS SELECT q, row_number() OVER () AS n FROM unnest(string_to_array(
  '多久见效 怎么用 用量多少 能不能混用 过期了 包装破损 结块了 发错货 少发了 什么时候发货 快递到哪了 可以退货吗 怎么退款 能开发票吗 有没有优惠 保质期多久 怎么储存 对作物有害吗 下雨天能用吗 用了没效果 烧苗了 发芽率低 有假货吗 怎么辨别真假 哪里有售后 能送到村里吗 运费多少 能货到付款吗 可以换货吗 说明书丢了 孕妇能接触吗 残留多久 安全间隔期 适合什么土壤 适合什么季节 一亩用多少 怎么兑水 能和农药一起打吗 有没有检测报告 可以批发吗 价格怎么这么贵 什么时候补货 能预订吗 质量有问题 气味很大 颜色不对 漏液了 打不开 少了赠品 能寄到县城吗', ' ')) AS q;
INSERT INTO kb_faqs (id, workspace_id, language, question, answer, expectation, phrasings, article_id, action, deleted,
                     version, created_at, updated_at)
SELECT gen_random_uuid(), '$workspace', 'zh-CN', p || q || '？', '关于' || p || '：' || q || '的说明……', NULL,
       p || '是不是' || q || E'\n' || '请问' || p || q || E'\n' || '我买的' || p || q || E'\n' || p || '的问题，' || q,
       NULL, 'NONE', FALSE, 1, now(), now()
FROM products, problems ORDER BY products.n, problems.n LIMIT $entries;
SQL

kill $pid; wait $pid 2>/dev/null || true
echo "restart:"
start_app
sleep 3
echo "  RSS before the models load: $(rss_mb $pid) MB"
"$JAVA" "$ROOT/bench/AssistantDecision.java" "http://127.0.0.1:$port" "$token" "$decisions" "$pid" "$(getconf CLK_TCK)"
echo "  RSS with both models loaded and the model of $entries entries: $(rss_mb $pid) MB"
