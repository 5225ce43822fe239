"""A Python client of the Rust server, through grpcio (Debian: python3-grpcio).

Message classes come from `protoc --python_out` (the interop test generates
them from proto/ into a scratch folder on PYTHONPATH); the calls go through
grpcio's generic channel methods, so no grpc_tools stubs are needed. Each
line printed is one call and what came back.

    client.py ADDRESS            the calls, the errors and the refusals
    client.py ADDRESS deadline   one call the server cannot answer in time
(the token in the API_TOKEN environment variable)
"""
import os
import sys

import grpc
from users.v1 import users_pb2 as pb

address, token = sys.argv[1], os.environ["API_TOKEN"]
mode = sys.argv[2] if len(sys.argv) > 2 else "calls"
# Straight to the server: no HTTP proxy from the environment in between.
channel = grpc.insecure_channel(address, options=[("grpc.enable_http_proxy", 0)])
SERVICE = "/users.v1.UserService/"


def call(kind, method, response):
    """A callable for one method: the path and how to read its answer."""
    return getattr(channel, kind)(
        SERVICE + method,
        request_serializer=lambda message: message.SerializeToString(),
        response_deserializer=response.FromString,
    )


get_user = call("unary_unary", "GetUser", pb.User)
create_user = call("unary_unary", "CreateUser", pb.User)
list_users = call("unary_stream", "ListUsers", pb.User)
bearer = [("authorization", f"Bearer {token}")]


def failed(what, run):
    """Runs a call that must fail, and prints its status code and message."""
    try:
        run()
    except grpc.RpcError as error:
        print(f"{what}: {error.code().name} {error.details()!r}")
        return error.code()
    raise SystemExit(f"{what}: succeeded, and should not have")


if mode == "deadline":
    # The test holds the server's only database connection, so no answer
    # can come in time. Only the code is printed: whether grpcio's timer or
    # the server's answer comes first, both say DEADLINE_EXCEEDED.
    try:
        get_user(pb.GetUserRequest(id=1), metadata=bearer, timeout=0.2)
    except grpc.RpcError as error:
        print(f"GetUser with a 200 ms deadline, pool held: {error.code().name}")
        sys.exit(0 if error.code() == grpc.StatusCode.DEADLINE_EXCEEDED else 1)
    sys.exit("GetUser with a 200 ms deadline, pool held: succeeded, and should not have")

# Unary calls, with the token and a 5-second deadline (sent as grpc-timeout).
ada = create_user(pb.CreateUserRequest(name="Ada", email="ada@example.com"), metadata=bearer, timeout=5)
print(f"CreateUser: id={ada.id} name={ada.name!r} created_at set: {ada.HasField('created_at')}")
for name, email in [("Grace", "grace@example.com"), ("Edsger", "edsger@example.com")]:
    create_user(pb.CreateUserRequest(name=name, email=email), metadata=bearer, timeout=5)
same = get_user(pb.GetUserRequest(id=ada.id), metadata=bearer, timeout=5)
print(f"GetUser({ada.id}): name={same.name!r} email={same.email!r} same as created: {same == ada}")

# Server streaming: one message per user, as they arrive.
names = [user.name for user in list_users(pb.ListUsersRequest(limit=10), metadata=bearer, timeout=5)]
print(f"ListUsers: {len(names)} messages: {', '.join(names)}")

# Error statuses, as the Rust server maps them.
codes = [
    failed("GetUser(999)", lambda: get_user(pb.GetUserRequest(id=999), metadata=bearer)),
    failed("CreateUser taken email", lambda: create_user(pb.CreateUserRequest(name="Ada", email="ADA@example.com"), metadata=bearer)),
    failed("CreateUser empty name", lambda: create_user(pb.CreateUserRequest(name="", email="x@example.com"), metadata=bearer)),
    # The auth metadata: none, then a wrong token, on both kinds of call.
    failed("GetUser without a token", lambda: get_user(pb.GetUserRequest(id=ada.id))),
    failed("GetUser with a wrong token", lambda: get_user(pb.GetUserRequest(id=ada.id), metadata=[("authorization", "Bearer wrong")])),
    failed("ListUsers without a token", lambda: list(list_users(pb.ListUsersRequest(limit=10)))),
]
expected = ["NOT_FOUND", "ALREADY_EXISTS", "INVALID_ARGUMENT"] + ["UNAUTHENTICATED"] * 3
assert [code.name for code in codes] == expected, codes
print(f"grpcio {grpc.__version__}: every call answered as expected")
