# Tests BFS shortest path on a grid maze and DFS reachability on an adjacency dict.
maze = ["S.#.....",
        ".##.###.",
        "....#...",
        "##.##.#.",
        "......#E"]
def bfs(maze):
    h, w = len(maze), len(maze[0])
    start = end = None
    for r in range(h):
        for c in range(w):
            if maze[r][c] == "S":
                start = (r, c)
            elif maze[r][c] == "E":
                end = (r, c)
    dist = {start: 0}
    queue = [start]
    while queue:
        r, c = queue.pop(0)
        if (r, c) == end:
            return dist[(r, c)]
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and maze[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                queue.append((nr, nc))
    return -1
print("shortest path:", bfs(maze))
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": [], "f": [], "g": ["a"]}
def dfs(node, seen, order):
    if node in seen:
        return
    seen[node] = True
    order.append(node)
    for nxt in graph[node]:
        dfs(nxt, seen, order)
order = []
dfs("a", {}, order)
print("dfs order:", order)
print("reachable from g:", len(order) + 1 if "g" not in order else len(order))
