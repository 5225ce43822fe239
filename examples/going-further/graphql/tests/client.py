"""A GraphQL client in Python with the standard library only (urllib):
what any other team's service can do with this API. Usage:
    python3 client.py http://127.0.0.1:PORT/graphql
Creates a user, then reads the users page by page, and prints what came
back. Exits non-zero on any error in a response."""

import json
import sys
import urllib.request


def graphql(url, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = json.load(response)
    if answer.get("errors"):
        sys.exit(f"errors: {answer['errors']}")
    return answer["data"]


CREATE = """mutation Create($name: String!, $email: String!) {
  createUser(name: $name, email: $email) { id name }
}"""

PAGE = """query Page($after: String) {
  users(first: 2, after: $after) {
    edges { node { name jobs { kind state } } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def main(url):
    created = graphql(url, CREATE, {"name": "Grace", "email": "grace@example.com"})
    print("created:", created["createUser"])
    after, page = None, 1
    while True:
        users = graphql(url, PAGE, {"after": after})["users"]
        for edge in users["edges"]:
            node = edge["node"]
            states = [job["state"] for job in node["jobs"]]
            print(f"page {page}: {node['name']}, jobs {states}")
        if not users["pageInfo"]["hasNextPage"]:
            break
        after, page = users["pageInfo"]["endCursor"], page + 1


if __name__ == "__main__":
    main(sys.argv[1])
