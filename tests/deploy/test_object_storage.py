"""Media on S3-compatible object storage: renditions public, everything else private.

A process with production settings and the AWS_* variables uploads an image, makes a
rendition and stores a nomination's photo; an S3-compatible server (moto, on 127.0.0.1)
holds them, and an anonymous reader tries each URL.
"""

from contextlib import ExitStack

import boto3
import pytest
import requests

from tests.deploy.servers import campaign, start_s3_server

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PUBLIC_BUCKET, PRIVATE_BUCKET = "migrantheroes-media", "migrantheroes-private"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture
def s3_server(tmp_path):
    with ExitStack() as stack:
        server = start_s3_server(work_dir=tmp_path)
        stack.callback(server.stop)
        server.wait_until_answering("/", ok=(200, 403, 404))
        server.client = boto3.client(
            "s3",
            endpoint_url=server.url,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name="us-east-1",
        )
        yield server


def s3_environment(server, **buckets):
    return {
        "AWS_S3_ENDPOINT_URL": server.url,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        **buckets,
    }


def anyone_may_read(client, bucket, key):
    grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


def test_renditions_go_to_the_public_bucket_and_originals_and_nominations_to_the_private_one(
    deployment, s3_server
):
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        s3_server.client.create_bucket(Bucket=bucket)
    environment = {
        **deployment.environment,
        **s3_environment(
            s3_server,
            AWS_STORAGE_BUCKET_NAME=PUBLIC_BUCKET,
            AWS_PRIVATE_STORAGE_BUCKET_NAME=PRIVATE_BUCKET,
        ),
    }

    files = campaign("media", env=environment)

    original, rendition, photo = files["original"], files["rendition"], files["nomination_photo"]
    client = s3_server.client
    public_keys = [o["Key"] for o in client.list_objects_v2(Bucket=PUBLIC_BUCKET)["Contents"]]
    private_keys = [o["Key"] for o in client.list_objects_v2(Bucket=PRIVATE_BUCKET)["Contents"]]
    assert public_keys == [rendition["name"]]
    assert rendition["name"].startswith("images/")
    assert sorted(private_keys) == sorted([original["name"], photo["name"]])
    assert original["name"].startswith("original_images/")
    assert photo["name"].startswith("nominations/")

    # The rendition: a plain, lasting URL anyone may read.
    assert rendition["url"] == f"{s3_server.url}/{PUBLIC_BUCKET}/{rendition['name']}"
    assert anyone_may_read(client, PUBLIC_BUCKET, rendition["name"])
    assert requests.get(rendition["url"], timeout=10).status_code == 200
    # The original and the nomination's photo: private objects, reached by signed URLs only.
    for private in (original, photo):
        assert not anyone_may_read(client, PRIVATE_BUCKET, private["name"])
        unsigned = f"{s3_server.url}/{PRIVATE_BUCKET}/{private['name']}"
        assert requests.get(unsigned, timeout=10).status_code == 403
        assert "Signature=" in private["url"]
        assert requests.get(private["url"], timeout=10).status_code == 200
    # Nothing was written to the app server's disk.
    assert not (deployment.work_dir / "media").exists()
    assert not (deployment.work_dir / "media-private").exists()


def test_with_one_bucket_originals_are_private_objects_under_its_private_prefix(
    deployment, s3_server
):
    s3_server.client.create_bucket(Bucket=PUBLIC_BUCKET)
    environment = {
        **deployment.environment,
        **s3_environment(s3_server, AWS_STORAGE_BUCKET_NAME=PUBLIC_BUCKET),
    }

    files = campaign("media", env=environment)

    client = s3_server.client
    keys = {o["Key"] for o in client.list_objects_v2(Bucket=PUBLIC_BUCKET)["Contents"]}
    original, photo = files["original"]["name"], files["nomination_photo"]["name"]
    assert keys == {files["rendition"]["name"], f"private/{original}", f"private/{photo}"}
    assert anyone_may_read(client, PUBLIC_BUCKET, files["rendition"]["name"])
    for private in (original, photo):
        assert not anyone_may_read(client, PUBLIC_BUCKET, f"private/{private}")
        unsigned = f"{s3_server.url}/{PUBLIC_BUCKET}/private/{private}"
        assert requests.get(unsigned, timeout=10).status_code == 403
