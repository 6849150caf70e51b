package dev.portcullis.lockfile;

import dev.portcullis.lockfile.npm.NpmLockfiles;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.LockfileFormat;
import java.io.IOException;
import java.io.InputStream;

/**
 * npm's package-lock.json (lockfile versions 1, 2 and 3) and npm-shrinkwrap.json, the same format under
 * another name; the file name decides which of the two formats the result reports.
 */
public final class NpmLockfileReader implements LockfileReader {

    @Override
    public boolean canRead(String fileName, String head) {
        return fileName.equals(LockfileFormat.NPM.fileName()) || fileName.equals(LockfileFormat.NPM_SHRINKWRAP.fileName());
    }

    @Override
    public Lockfile read(String file, InputStream in) throws InputException, IOException {
        NpmLockfiles.Read read = NpmLockfiles.read(file, in);
        String name = file.substring(file.lastIndexOf('/') + 1);
        LockfileFormat format = name.equals(LockfileFormat.NPM_SHRINKWRAP.fileName())
                ? LockfileFormat.NPM_SHRINKWRAP : LockfileFormat.NPM;
        return new Lockfile(file, format, Integer.toString(read.lockfileVersion()), read.graph());
    }
}
