WScript.Echo "x"
